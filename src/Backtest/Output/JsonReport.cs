using System.Text.Json;
using System.Text.Json.Serialization;
using TradingBot.Backtest.Results;

namespace TradingBot.Backtest.Output;

/// <summary>Writes runs as one JSON document (the machine-readable report).</summary>
public static class JsonReport
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task WriteAsync(string path, IReadOnlyList<BacktestResult> runs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, new { generatedBy = "trading-bot backtest", runs = runs.Select(Shape) }, s_options, cancellationToken);
    }

    public static string Serialize(BacktestResult run) => JsonSerializer.Serialize(Shape(run), s_options);

    private static object Shape(BacktestResult r) => new
    {
        r.RunId,
        r.Strategies,
        r.Symbols,
        r.Start,
        r.End,
        r.InitialBalance,
        r.FinalEquity,
        r.Fingerprint,
        fillModel = r.FillModel,
        funding = r.Funding,
        warmUp = r.WarmUp,
        data = r.DataNotes,
        gaps = new { count = r.Gaps.Count, missingBars = r.Gaps.Sum(g => g.MissingBars), first = r.Gaps.Take(10).Select(g => g.ToString()) },
        r.CandlesProcessed,
        wallSeconds = r.Wall.TotalSeconds,
        candlesPerSecond = r.CandlesPerSecond,
        r.Signals,
        refusals = r.Refusals,
        problems = r.Problems,
        overall = r.Overall,
        byStrategy = r.ByStrategy,
        bySymbol = r.BySymbol,
        trades = r.Trades,
        equity = r.Equity,
    };
}
