namespace TradingBot.Exchange.Binance.Rest;

/// <summary>Client-side view of Binance's limits, from the response headers.</summary>
/// <param name="UsedWeight1m">Last X-MBX-USED-WEIGHT-1M (or the local pre-charge count in the current minute).</param>
/// <param name="OrderCount10s">Last X-MBX-ORDER-COUNT-10S.</param>
/// <param name="OrderCount1m">Last X-MBX-ORDER-COUNT-1M.</param>
/// <param name="BlockedUntil">No request is sent before this (from 429/418 Retry-After); null when open.</param>
/// <param name="RateLimitHits">Number of 429/418 replies seen.</param>
public sealed record RateLimitStatus(int UsedWeight1m, int OrderCount10s, int OrderCount1m, DateTimeOffset? BlockedUntil, long RateLimitHits);
