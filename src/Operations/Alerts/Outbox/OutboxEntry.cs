namespace TradingBot.Operations.Alerts.Outbox;

/// <summary>One stored alert and its delivery state.</summary>
/// <param name="Seq">Insertion order; delivery follows it strictly.</param>
/// <param name="Failures">Failed delivery attempts so far (drives the backoff).</param>
/// <param name="NextAttemptUtc">Not before this time (backoff or Discord's retry_after); null = now.</param>
public sealed record OutboxEntry(
    long Seq,
    Alert Alert,
    int Attempts,
    int Failures,
    DateTimeOffset? NextAttemptUtc,
    DateTimeOffset? DeliveredUtc,
    AlertDelivery? Delivery,
    string? LastError);
