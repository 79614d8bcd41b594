using TradingBot.Runtime;
using TradingBot.Contracts.Market;

namespace TradingBot.Contracts.Events;

/// <summary>position_updated: mark price or protection changed.</summary>
public sealed record PositionUpdated(string PositionId, string Symbol, Direction Direction, decimal Quantity, decimal EntryPrice, decimal MarkPrice, decimal UnrealizedPnl, decimal? StopLoss, decimal? TakeProfit, DateTimeOffset At) : IBotEvent
{
    public MessagePriority Priority => MessagePriority.Normal;
}
