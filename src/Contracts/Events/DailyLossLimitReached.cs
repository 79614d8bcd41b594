using TradingBot.Runtime;
namespace TradingBot.Contracts.Events;

/// <summary>daily_loss_limit_reached: new entries are blocked until the next UTC day.</summary>
public sealed record DailyLossLimitReached(decimal CurrentLoss, decimal LossLimit, decimal AccountBalance, bool ClosingPositions, DateTimeOffset At) : IBotEvent
{
    public MessagePriority Priority => MessagePriority.Critical;
}
