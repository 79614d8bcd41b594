namespace TradingBot.Chaos.Invariants;

/// <summary>One broken invariant, with the market time and step it was seen at.</summary>
/// <param name="Invariant">Short name, e.g. "protected-within-5s".</param>
/// <param name="Detail">What exactly was wrong.</param>
/// <param name="MarketTime">Simulated time (venue market time) when it was detected.</param>
/// <param name="Step">Market step index.</param>
public sealed record InvariantViolation(string Invariant, string Detail, DateTimeOffset MarketTime, long Step);
