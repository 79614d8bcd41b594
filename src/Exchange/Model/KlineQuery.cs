namespace TradingBot.Exchange.Model;

/// <summary>Request for closed candle history; paged transparently (1500 rows per call).</summary>
/// <param name="Symbol">Symbol, e.g. BTCUSDT.</param>
/// <param name="Interval">Candle interval.</param>
/// <param name="From">Inclusive lower bound on open time (UTC).</param>
/// <param name="To">Inclusive upper bound on open time (UTC); null = up to now.</param>
/// <param name="MaxCount">Stop after this many candles; null = no limit.</param>
public sealed record KlineQuery(
    string Symbol,
    KlineInterval Interval,
    DateTimeOffset From,
    DateTimeOffset? To = null,
    int? MaxCount = null);
