namespace TradingBot.Dashboard.Ports.Trading;

/// <summary>Backtest performance metrics (PRD §5.3.2).</summary>
/// <param name="Trades">Closed trades.</param>
/// <param name="WinRate">0..1.</param>
/// <param name="ProfitFactor">Gross profit / gross loss; null without losing trades.</param>
/// <param name="SharpeRatio">Annualised Sharpe ratio.</param>
/// <param name="MaxDrawdownPercent">Largest peak-to-trough equity drop, in percent.</param>
/// <param name="TotalReturnPercent">Final vs initial equity, in percent.</param>
/// <param name="AverageRiskReward">Mean realized R multiple.</param>
public sealed record BacktestMetricsView(
    int Trades,
    decimal WinRate,
    decimal? ProfitFactor,
    decimal SharpeRatio,
    decimal MaxDrawdownPercent,
    decimal TotalReturnPercent,
    decimal AverageRiskReward);

/// <summary>One stored backtest run, without its curve.</summary>
/// <param name="Id">Run id.</param>
/// <param name="RanAt">UTC time the run finished.</param>
/// <param name="Strategies">Strategy ids used, e.g. "A,B".</param>
/// <param name="Symbols">Symbols traded.</param>
/// <param name="From">UTC start of the replayed history.</param>
/// <param name="To">UTC end of the replayed history.</param>
/// <param name="Metrics">Headline metrics.</param>
public sealed record BacktestRunSummaryView(
    string Id,
    DateTimeOffset RanAt,
    string Strategies,
    IReadOnlyList<string> Symbols,
    DateTimeOffset From,
    DateTimeOffset To,
    BacktestMetricsView Metrics);

/// <summary>One backtest run with its equity curve.</summary>
public sealed record BacktestRunView(BacktestRunSummaryView Summary, IReadOnlyList<EquityPointView> EquityCurve);
