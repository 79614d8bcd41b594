namespace TradingBot.Runtime;

/// <summary>Mailbox lanes. A queued message of a higher lane starts before any queued message of a lower lane.</summary>
public enum MessagePriority
{
    Low = 0,
    Normal = 1,
    High = 2,
    Critical = 3,
}

/// <summary>A message (call argument or stream item) that chooses its own mailbox lane.</summary>
public interface IHasPriority
{
    MessagePriority Priority { get; }
}
