namespace TradingBot.Ict.Breakers;

/// <summary>Breaker block parameters (§3.5 proposed causal definition).</summary>
/// <param name="UseBody">Zone = candle body instead of the full range.</param>
/// <param name="MaxActive">Most recent active breakers kept; the oldest is dropped silently beyond that.</param>
public sealed record BreakerOptions(bool UseBody = false, int MaxActive = 16);
