namespace TradingBot.Contracts.Events;

/// <summary>The PRD §4.1.4 priorities: critical events overtake market data.</summary>
public enum EventPriority
{
    Low = 0,
    Medium = 1,
    High = 2,
    Critical = 3,
}
