using TradingBot.Runtime;
using TradingBot.Contracts.Trading;

namespace TradingBot.Contracts.Events;

/// <summary>order_cancelled: an order left the book without filling.</summary>
public sealed record OrderCancelled(string ClientOrderId, string Symbol, OrderPurpose Purpose, string Reason, DateTimeOffset At) : IBotEvent
{
    public MessagePriority Priority => MessagePriority.Normal;
}
