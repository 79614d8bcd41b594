namespace TradingBot.Dashboard.Ports.Trading;

/// <summary>Performance of one strategy (PRD §5.4.2 item 2).</summary>
/// <param name="Strategy">Strategy id: A, B or C.</param>
/// <param name="Name">Human name, e.g. "Conservative".</param>
/// <param name="Enabled">Whether the strategy may currently produce entries.</param>
/// <param name="Trades">Closed trades counted.</param>
/// <param name="WinRate">Winning trades / trades, 0..1.</param>
/// <param name="AveragePnl">Mean realized PnL per trade (USDT).</param>
/// <param name="ProfitFactor">Gross profit / gross loss; null when there is no losing trade yet.</param>
/// <param name="TotalPnl">Sum of realized PnL (USDT).</param>
public sealed record StrategyStatsView(
    string Strategy,
    string Name,
    bool Enabled,
    int Trades,
    decimal WinRate,
    decimal AveragePnl,
    decimal? ProfitFactor,
    decimal TotalPnl);
