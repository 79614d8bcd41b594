namespace TradingBot.Contracts.Events;

/// <summary>A message that travels on a stream. Every event says how urgent it is.</summary>
public interface IBotEvent
{
    /// <summary>Dispatch priority (PRD §4.1.4).</summary>
    EventPriority Priority { get; }
}
