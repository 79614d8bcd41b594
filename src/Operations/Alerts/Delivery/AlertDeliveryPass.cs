namespace TradingBot.Operations.Alerts.Delivery;

/// <summary>Result of one <see cref="DiscordAlertDeliverer.DeliverDueAsync"/> pass.</summary>
/// <param name="Completed">Alerts that left the queue in this pass (sent, logged, disabled or rejected).</param>
/// <param name="BlockedUntilUtc">The head waits for a backoff or rate limit until then; null when the queue is empty.</param>
public sealed record AlertDeliveryPass(int Completed, DateTimeOffset? BlockedUntilUtc)
{
    /// <summary>True when nothing is waiting.</summary>
    public bool QueueEmpty => BlockedUntilUtc is null;
}
