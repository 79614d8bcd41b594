using System.Reflection;

namespace TradingBot.Exchange.Tests.Support;

/// <summary>Locates ../shared next to the repo root (the folder holding TradingBot.sln); null when absent.</summary>
internal static class SharedData
{
    private static readonly Lazy<string?> s_root = new(Find);

    public static string? Root => s_root.Value;

    public static string? BinanceReference => Root is null ? null : Path.Combine(Root, "reference", "binance");

    public static string BinanceFile(params string[] parts) =>
        Path.Combine([BinanceReference ?? throw new InvalidOperationException("shared data absent"), .. parts]);

    private static string? Find()
    {
        var sourceDir = typeof(SharedData).Assembly.GetCustomAttributes(typeof(AssemblyMetadataAttribute), false)
            .OfType<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SourceDirectory")?.Value;
        foreach (var start in new[] { AppContext.BaseDirectory, sourceDir })
        {
            var dir = start is null ? null : new DirectoryInfo(start);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TradingBot.sln")))
            {
                dir = dir.Parent;
            }

            if (dir?.Parent is null)
            {
                continue;
            }

            var shared = Path.Combine(dir.Parent.FullName, "shared");
            if (Directory.Exists(Path.Combine(shared, "reference", "binance")))
            {
                return shared;
            }
        }

        return null;
    }
}

/// <summary>A fact that is skipped (with the reason) when ../shared/reference/binance is missing.</summary>
internal sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.BinanceReference is null)
        {
            Skip = "../shared/reference/binance not found next to the repository root";
        }
    }
}

/// <summary>A theory that is skipped when ../shared/reference/binance is missing.</summary>
internal sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (SharedData.BinanceReference is null)
        {
            Skip = "../shared/reference/binance not found next to the repository root";
        }
    }
}
