namespace TradingBot.Backtest.Results;

/// <summary>One closed (or, at the end of the run, still open) position as the backtest books it.</summary>
/// <param name="Strategy">Strategy that proposed it (A, B, C).</param>
/// <param name="Symbol">Symbol.</param>
/// <param name="Direction">Long or Short.</param>
/// <param name="OpenedAt">Entry fill time (UTC).</param>
/// <param name="ClosedAt">Exit fill time (UTC); the last bar's close for a position still open.</param>
/// <param name="EntryPrice">Average entry price.</param>
/// <param name="ExitPrice">Average exit price (last close for an open position).</param>
/// <param name="Quantity">Base quantity.</param>
/// <param name="StopLoss">Initial stop (defines 1 R).</param>
/// <param name="TakeProfit">Initial target.</param>
/// <param name="Reason">Exit reason (StopLoss, TakeProfit, Liquidation, ..., Open).</param>
/// <param name="Fees">Commissions paid, both sides.</param>
/// <param name="Funding">Funding received (+) or paid (−) while open.</param>
/// <param name="NetPnl">Wallet change: realized − fees + funding (for an open position: unrealized at the last close − fees + funding).</param>
/// <param name="RMultiple">NetPnl ÷ (|entry − initial stop| × quantity).</param>
public sealed record TradeRecord(
    string Strategy,
    string Symbol,
    string Direction,
    DateTimeOffset OpenedAt,
    DateTimeOffset ClosedAt,
    decimal EntryPrice,
    decimal ExitPrice,
    decimal Quantity,
    decimal StopLoss,
    decimal TakeProfit,
    string Reason,
    decimal Fees,
    decimal Funding,
    decimal NetPnl,
    decimal RMultiple)
{
    public bool IsOpen => Reason == "Open";
}
