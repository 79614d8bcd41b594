using TradingBot.Runtime;
using TradingBot.Contracts.Trading;

namespace TradingBot.Contracts.Events;

/// <summary>order_filled: an order (or a triggered stop's child) filled completely.</summary>
public sealed record OrderFilled(string ClientOrderId, string Symbol, OrderSide Side, OrderPurpose Purpose, decimal Quantity, decimal AveragePrice, decimal Commission, DateTimeOffset At) : IBotEvent
{
    public MessagePriority Priority => MessagePriority.High;
}
