namespace TradingBot.Operations.Alerts.Outbox;

/// <summary>Counters for the dashboard's system panel.</summary>
/// <param name="Pending">Alerts waiting for delivery.</param>
/// <param name="Delivered">Delivered to Discord.</param>
/// <param name="Logged">Written to the log because no webhook is configured.</param>
/// <param name="Disabled">Skipped because their kind is switched off.</param>
/// <param name="Rejected">Refused by Discord for good (see their last error).</param>
/// <param name="FailedAttempts">Failed delivery attempts over all stored alerts (429, 5xx, network).</param>
/// <param name="OldestPendingUtc">Creation time of the oldest pending alert; null when none.</param>
/// <param name="LastError">The most recent delivery error of a pending or rejected alert.</param>
public sealed record AlertOutboxStats(
    long Pending,
    long Delivered,
    long Logged,
    long Disabled,
    long Rejected,
    long FailedAttempts,
    DateTimeOffset? OldestPendingUtc,
    string? LastError);
