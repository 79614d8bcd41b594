namespace TradingBot.Operations.Alerts;

/// <summary>
/// One alert, already rendered. <paramref name="Id"/> is deterministic (derived from the event that caused it),
/// so enqueueing the same event twice — e.g. when a grain replays a turn after a crash — stores it once.
/// </summary>
/// <param name="Id">Deduplication key, e.g. <c>PositionOpened:pos-42</c>.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Severity">How urgent it is.</param>
/// <param name="CreatedUtc">When the causing event happened (UTC).</param>
/// <param name="Text">The message as a human reads it in Discord.</param>
public sealed record Alert(string Id, AlertKind Kind, AlertSeverity Severity, DateTimeOffset CreatedUtc, string Text);
