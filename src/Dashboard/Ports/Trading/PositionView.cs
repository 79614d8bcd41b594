namespace TradingBot.Dashboard.Ports.Trading;

/// <summary>One open position (PRD §5.4.2 item 1).</summary>
/// <param name="Symbol">Exchange symbol, e.g. BTCUSDT.</param>
/// <param name="Side">Long or short.</param>
/// <param name="Quantity">Position size in base asset.</param>
/// <param name="EntryPrice">Average entry price.</param>
/// <param name="MarkPrice">Latest mark price.</param>
/// <param name="UnrealizedPnl">Unrealized PnL in the quote asset (USDT).</param>
/// <param name="Leverage">Leverage multiplier.</param>
/// <param name="StopLoss">Live stop-loss trigger price, null when none is resting (a protection fault).</param>
/// <param name="TakeProfit">Live take-profit trigger price, null when none is resting.</param>
/// <param name="Strategy">Strategy that opened the position (A, B or C).</param>
/// <param name="OpenedAt">UTC time of the entry fill.</param>
public sealed record PositionView(
    string Symbol,
    PositionSide Side,
    decimal Quantity,
    decimal EntryPrice,
    decimal MarkPrice,
    decimal UnrealizedPnl,
    int Leverage,
    decimal? StopLoss,
    decimal? TakeProfit,
    string Strategy,
    DateTimeOffset OpenedAt);
