namespace TradingBot.Contracts.Grains;

/// <summary>The RiskGrain's answer to a signal.</summary>
/// <param name="Approved">True when an entry order was sent.</param>
/// <param name="Rule">The rule that refused it (null when approved).</param>
/// <param name="Detail">Human-readable reason or order summary.</param>
/// <param name="Quantity">Sized quantity (0 when refused).</param>
public sealed record RiskDecision(bool Approved, string? Rule, string Detail, decimal Quantity);
