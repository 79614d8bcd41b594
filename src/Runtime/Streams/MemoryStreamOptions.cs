namespace TradingBot.Runtime.Streams;

/// <summary>Options of an in-memory stream provider.</summary>
public sealed class MemoryStreamOptions
{
    /// <summary>Items a subscription holds (including the one in flight) before producers wait.</summary>
    public int SubscriptionQueueCapacity { get; set; } = 1024;

    /// <summary>Delivery attempts per item (first try plus retries) before it is dead-lettered.</summary>
    public int MaxDeliveryAttempts { get; set; } = 4;

    /// <summary>Delay before a retry; zero retries immediately.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Mailbox lane of a delivered item. Default: <see cref="IHasPriority.Priority"/>, else a
    /// [Priority] attribute on the item's type, else Normal.
    /// </summary>
    public Func<object, MessagePriority>? PriorityResolver { get; set; }
}
