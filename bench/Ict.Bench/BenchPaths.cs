namespace TradingBot.Ict.Bench;

internal static class BenchPaths
{
    /// <summary>../shared/data/BTCUSDT-1m-spot-20220101-20240625.csv.gz relative to the folder holding TradingBot.sln.</summary>
    public static string DefaultInput()
    {
        var dir = new DirectoryInfo(Environment.CurrentDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TradingBot.sln")))
        {
            dir = dir.Parent;
        }

        var root = dir?.Parent?.FullName ?? "/work";
        return Path.Combine(root, "shared", "data", "BTCUSDT-1m-spot-20220101-20240625.csv.gz");
    }
}
