using TradingBot.Runtime;
using TradingBot.Contracts.Trading;

namespace TradingBot.Contracts.Events;

/// <summary>order_failed: retries exhausted or a definite rejection.</summary>
public sealed record OrderFailed(string ClientOrderId, string Symbol, OrderPurpose Purpose, string Reason, int Attempts, DateTimeOffset At) : IBotEvent
{
    public MessagePriority Priority => MessagePriority.High;
}
