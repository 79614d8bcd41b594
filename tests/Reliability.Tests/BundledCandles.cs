namespace TradingBot.Reliability.Tests;

/// <summary>The silo executable and the candles bundled with it (src/Silo/candles, copied next to the tests).</summary>
internal static class BundledCandles
{
    public static string SiloAssembly => Path.Combine(AppContext.BaseDirectory, "trading-bot.dll");

    /// <summary>The candles folder, or null when it (or the silo) is missing.</summary>
    public static string? Folder
    {
        get
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "candles");
            return Directory.Exists(folder) && Directory.GetFiles(folder, "*.csv.gz").Length > 0 && File.Exists(SiloAssembly) ? folder : null;
        }
    }
}

/// <summary>A fact that is skipped, saying why, when the bundled candles or the silo are not next to the tests.</summary>
internal sealed class NeedsBundledCandlesFactAttribute : FactAttribute
{
    public NeedsBundledCandlesFactAttribute()
    {
        if (BundledCandles.Folder is null)
        {
            Skip = "The bundled candles (src/Silo/candles/*.csv.gz) or trading-bot.dll are not in the test output folder.";
        }
    }
}
