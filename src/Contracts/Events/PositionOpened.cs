using TradingBot.Runtime;
using TradingBot.Contracts.Market;

namespace TradingBot.Contracts.Events;

/// <summary>position_opened: the entry filled.</summary>
public sealed record PositionOpened(string PositionId, string Strategy, string Symbol, Direction Direction, decimal EntryPrice, decimal Quantity, int Leverage, decimal StopLoss, decimal TakeProfit, DateTimeOffset At) : IBotEvent
{
    public MessagePriority Priority => MessagePriority.High;
}
