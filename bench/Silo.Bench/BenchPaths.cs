namespace TradingBot.Silo.Bench;

/// <summary>Where the repository, the shared data and the bench's scratch files are.</summary>
internal static class BenchPaths
{
    /// <summary>The folder holding TradingBot.sln, searched upwards from the working directory and the bench binary.</summary>
    public static string? RepoRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            var dir = new DirectoryInfo(start);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TradingBot.sln")))
            {
                dir = dir.Parent;
            }

            if (dir is not null)
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>../shared/data next to the repository, or null when absent.</summary>
    public static string? SharedData()
    {
        var root = RepoRoot();
        var data = root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared", "data"));
        return data is not null && Directory.Exists(data) ? data : null;
    }

    /// <summary>The product's bundled candles, copied next to the bench binary by the silo project reference.</summary>
    public static string BundledCandles() => Path.Combine(AppContext.BaseDirectory, "candles");

    public static string Scratch(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "tradingbot-silo-bench", name);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
