using TradingBot.Exchange.Model;

namespace TradingBot.Exchange.Port;

/// <summary>What a market stream carries.</summary>
/// <param name="Symbols">Symbols (any case).</param>
/// <param name="Intervals">Kline intervals per symbol.</param>
/// <param name="IncludeMarkPrice">Also subscribe &lt;symbol&gt;@markPrice.</param>
/// <param name="ResumeAfter">
/// Optional: the open time of the newest candle the consumer already has (e.g. the end of its REST warm-up).
/// Every closed candle opening after it is delivered: missing ones are back-filled from REST on connect.
/// </param>
public sealed record MarketSubscription(
    IReadOnlyList<string> Symbols,
    IReadOnlyList<KlineInterval> Intervals,
    bool IncludeMarkPrice = true,
    DateTimeOffset? ResumeAfter = null)
{
    /// <summary>The bot's default: 1m, 15m and 1h candles plus mark price for each symbol.</summary>
    public static MarketSubscription Default(params string[] symbols) =>
        new(symbols, [KlineInterval.OneMinute, KlineInterval.FifteenMinutes, KlineInterval.OneHour]);
}
