namespace TradingBot.Ict.Tests.Support;

/// <summary>Finds /work/shared as ../shared relative to the folder holding TradingBot.sln.</summary>
internal static class SharedData
{
    private static readonly Lazy<string?> s_root = new(Locate);

    public static string? Root => s_root.Value;

    public static string? Reference(string file) => Existing(Root is null ? null : Path.Combine(Root, "reference", "smc", file));

    public static string? Candles(string file) => Existing(Root is null ? null : Path.Combine(Root, "data", file));

    private static string? Existing(string? path) => path is not null && File.Exists(path) ? path : null;

    private static string? Locate()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TradingBot.sln")))
        {
            dir = dir.Parent;
        }

        // The test assembly may run from a private artifacts path outside the repo: fall back to the source tree.
        if (dir is null)
        {
            var source = new DirectoryInfo(Path.GetDirectoryName(ThisFile())!);
            while (source is not null && !File.Exists(Path.Combine(source.FullName, "TradingBot.sln")))
            {
                source = source.Parent;
            }

            dir = source;
        }

        if (dir?.Parent is null)
        {
            return null;
        }

        var shared = Path.Combine(dir.Parent.FullName, "shared");
        return Directory.Exists(shared) ? shared : null;
    }

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}

/// <summary>A fact that is skipped with a reason when the named reference file is absent.</summary>
internal sealed class ReferenceFactAttribute : FactAttribute
{
    public ReferenceFactAttribute(params string[] files)
    {
        foreach (var file in files)
        {
            if (SharedData.Reference(file) is null)
            {
                Skip = $"reference file {file} not found under ../shared/reference/smc (relative to the repo root)";
                return;
            }
        }
    }
}

/// <summary>A fact that is skipped with a reason when the named candle file is absent.</summary>
internal sealed class CandleDataFactAttribute : FactAttribute
{
    public CandleDataFactAttribute(params string[] files)
    {
        foreach (var file in files)
        {
            if (SharedData.Candles(file) is null)
            {
                Skip = $"candle file {file} not found under ../shared/data (relative to the repo root)";
                return;
            }
        }
    }
}
