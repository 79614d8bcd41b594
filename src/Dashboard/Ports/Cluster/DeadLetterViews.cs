namespace TradingBot.Dashboard.Ports.Cluster;

/// <summary>A message the runtime gave up delivering.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="At">UTC time it was dead-lettered.</param>
/// <param name="Source">Stream or grain it was bound for.</param>
/// <param name="MessageType">Message record type name.</param>
/// <param name="Reason">Why delivery stopped (timeout, exception type, ...).</param>
/// <param name="Attempts">Delivery attempts made.</param>
public sealed record DeadLetterSummaryView(string Id, DateTimeOffset At, string Source, string MessageType, string Reason, int Attempts);

/// <summary>A dead letter with its payload, for inspection.</summary>
/// <param name="Summary">The list row.</param>
/// <param name="Payload">The message serialized as JSON text; secrets must already be absent.</param>
/// <param name="Error">Last exception text, if any.</param>
public sealed record DeadLetterView(DeadLetterSummaryView Summary, string Payload, string? Error);
