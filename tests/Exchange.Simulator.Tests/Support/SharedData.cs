namespace TradingBot.Exchange.Simulator.Tests.Support;

/// <summary>Locates ../shared next to the repository root (the folder holding TradingBot.sln).</summary>
internal static class SharedData
{
    // The build may put the assembly outside the repository (private --artifacts-path), so the source location
    // recorded at compile time is the fallback starting point.
    private static readonly Lazy<string?> s_root = new(() => FromStart(AppContext.BaseDirectory) ?? FromStart(SourceDirectory()));

    private static string? FromStart(string? start)
    {
        var dir = start is null ? null : new DirectoryInfo(start);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TradingBot.sln")))
        {
            dir = dir.Parent;
        }

        if (dir?.Parent is null)
        {
            return null;
        }

        var shared = Path.Combine(dir.Parent.FullName, "shared");
        return Directory.Exists(shared) ? shared : null;
    }

    private static string? SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path);

    public static string? Root => s_root.Value;

    public static string Path_(params string[] parts) =>
        System.IO.Path.Combine([Root ?? throw new InvalidOperationException("../shared is missing"), .. parts]);

    public static string Binance(params string[] parts) => Path_(["reference", "binance", .. parts]);

    public static string Data(string file) => Path_("data", file);
}

/// <summary>A fact skipped (with the reason) when ../shared is not present.</summary>
internal sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.Root is null)
        {
            Skip = "../shared (reference fixtures and candle data) is not present next to the repository";
        }
    }
}

/// <summary>A theory skipped (with the reason) when ../shared is not present.</summary>
internal sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (SharedData.Root is null)
        {
            Skip = "../shared (reference fixtures and candle data) is not present next to the repository";
        }
    }
}
