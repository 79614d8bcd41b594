namespace TradingBot.Dashboard.Audit;

/// <summary>One audited action: who (session and address), what, when, outcome.</summary>
/// <param name="Id">Row id, increasing.</param>
/// <param name="At">UTC time.</param>
/// <param name="Actor">"operator#&lt;session&gt;" or "anonymous" for login attempts.</param>
/// <param name="ClientAddress">Remote address of the request.</param>
/// <param name="Action">e.g. "login", "control.close-all", "control.parameters".</param>
/// <param name="Detail">Arguments of the action (never a password).</param>
/// <param name="Outcome">"ok", "refused: ...", "invalid: ...", "failed", "locked-out", "error: ...".</param>
public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string ClientAddress, string Action, string Detail, string Outcome);
