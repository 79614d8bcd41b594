using TradingBot.Runtime;
using TradingBot.Contracts.Trading;

namespace TradingBot.Contracts.Exchange;

/// <summary>
/// A regular-book order change from the user stream (ORDER_TRADE_UPDATE), reduced to what the
/// PositionGrain needs. Algo children carry their own exchange order id; <see cref="OrderId"/>
/// is how they are matched to their stop or take-profit (never by arrival order).
/// </summary>
public sealed record ExchangeOrderUpdate(
    string Symbol,
    string ClientOrderId,
    long OrderId,
    OrderSide Side,
    string Status,
    string Execution,
    decimal LastFilledQuantity,
    decimal LastFilledPrice,
    decimal Commission,
    long TradeId,
    decimal RealizedProfit,
    bool ReduceOnly,
    DateTimeOffset At) : Events.IBotEvent
{
    public MessagePriority Priority => MessagePriority.High;

    public bool IsFill => LastFilledQuantity > 0 && Execution is "TRADE" or "CALCULATED";
}
