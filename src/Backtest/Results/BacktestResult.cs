using TradingBot.Backtest.Data;

namespace TradingBot.Backtest.Results;

/// <summary>Everything one backtest run produced.</summary>
public sealed record BacktestResult
{
    public required string RunId { get; init; }
    public required IReadOnlyList<string> Strategies { get; init; }
    public required IReadOnlyList<string> Symbols { get; init; }
    public required DateTimeOffset Start { get; init; }
    public required DateTimeOffset End { get; init; }
    public required decimal InitialBalance { get; init; }
    public required decimal FinalEquity { get; init; }
    public required PerformanceMetrics Overall { get; init; }
    public required IReadOnlyDictionary<string, PerformanceMetrics> ByStrategy { get; init; }
    public required IReadOnlyDictionary<string, PerformanceMetrics> BySymbol { get; init; }
    public required IReadOnlyList<TradeRecord> Trades { get; init; }
    public required IReadOnlyList<EquityPoint> Equity { get; init; }
    public required string Fingerprint { get; init; }
    public required IReadOnlyList<string> FillModel { get; init; }
    public required string Funding { get; init; }
    public required IReadOnlyList<Gap> Gaps { get; init; }
    public required IReadOnlyList<string> DataNotes { get; init; }
    public required string WarmUp { get; init; }
    public required long CandlesProcessed { get; init; }
    public required int Signals { get; init; }
    public required IReadOnlyDictionary<string, int> Refusals { get; init; }
    public required IReadOnlyList<string> Problems { get; init; }
    public required TimeSpan Wall { get; init; }
    public double CandlesPerSecond => Wall.TotalSeconds > 0 ? CandlesProcessed / Wall.TotalSeconds : 0;
}
