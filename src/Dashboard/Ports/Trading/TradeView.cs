namespace TradingBot.Dashboard.Ports.Trading;

/// <summary>One closed trade (PRD §5.4.2 item 4).</summary>
/// <param name="Id">Stable trade id.</param>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="Side">Long or short.</param>
/// <param name="Strategy">Strategy id that opened it.</param>
/// <param name="OpenedAt">UTC entry time.</param>
/// <param name="ClosedAt">UTC exit time.</param>
/// <param name="EntryPrice">Average entry price.</param>
/// <param name="ExitPrice">Average exit price.</param>
/// <param name="Quantity">Size in base asset.</param>
/// <param name="RealizedPnl">Realized PnL after fees (USDT).</param>
/// <param name="ExitReason">StopLoss, TakeProfit, Manual, EmergencyClose, ...</param>
public sealed record TradeView(
    string Id,
    string Symbol,
    PositionSide Side,
    string Strategy,
    DateTimeOffset OpenedAt,
    DateTimeOffset ClosedAt,
    decimal EntryPrice,
    decimal ExitPrice,
    decimal Quantity,
    decimal RealizedPnl,
    string ExitReason);
