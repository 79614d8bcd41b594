using TradingBot.Runtime;
namespace TradingBot.Contracts.Events;

/// <summary>risk_threshold_exceeded: a signal was refused by a risk rule.</summary>
public sealed record RiskThresholdExceeded(string Rule, string Detail, decimal CurrentLoss, decimal LossLimit, decimal AccountBalance, DateTimeOffset At) : IBotEvent
{
    public MessagePriority Priority => MessagePriority.High;
}
