namespace TradingBot.Exchange.Model;

/// <summary>One candle. Times are UTC; <see cref="CloseTime"/> is open + interval − 1 ms as Binance reports it.</summary>
/// <param name="Symbol">Upper-case symbol, e.g. BTCUSDT.</param>
/// <param name="Interval">Candle interval.</param>
/// <param name="OpenTime">Open time (UTC).</param>
/// <param name="CloseTime">Close time (UTC, last millisecond of the candle).</param>
/// <param name="Open">Open price.</param>
/// <param name="High">High price.</param>
/// <param name="Low">Low price.</param>
/// <param name="Close">Close price.</param>
/// <param name="Volume">Base-asset volume.</param>
/// <param name="QuoteVolume">Quote-asset volume.</param>
/// <param name="TradeCount">Number of trades.</param>
/// <param name="TakerBuyBaseVolume">Taker buy base volume.</param>
/// <param name="TakerBuyQuoteVolume">Taker buy quote volume.</param>
/// <param name="IsClosed">True when the candle is final.</param>
public sealed record Kline(
    string Symbol,
    KlineInterval Interval,
    DateTimeOffset OpenTime,
    DateTimeOffset CloseTime,
    decimal Open,
    decimal High,
    decimal Low,
    decimal Close,
    decimal Volume,
    decimal QuoteVolume,
    long TradeCount,
    decimal TakerBuyBaseVolume,
    decimal TakerBuyQuoteVolume,
    bool IsClosed);
