using TradingBot.Runtime;
using TradingBot.Contracts.Trading;

namespace TradingBot.Contracts.Events;

/// <summary>order_placed: the exchange accepted an order (regular or conditional).</summary>
public sealed record OrderPlaced(string ClientOrderId, string Symbol, OrderSide Side, OrderPurpose Purpose, decimal Quantity, decimal? TriggerPrice, DateTimeOffset At) : IBotEvent
{
    public MessagePriority Priority => MessagePriority.High;
}
