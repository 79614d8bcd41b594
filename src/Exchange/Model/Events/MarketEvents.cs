namespace TradingBot.Exchange.Model.Events;

/// <summary>A CLOSED candle (x=true on the stream, or from the REST back-fill after a gap). Delivered once per (symbol, interval, open time), in order.</summary>
/// <param name="Kline">The closed candle.</param>
/// <param name="IsBackfill">True when it came from REST after a disconnect or gap.</param>
public sealed record KlineClosed(Kline Kline, bool IsBackfill) : StreamEvent;

/// <summary>Mark price update from the markPrice stream.</summary>
/// <param name="Mark">Mark price and funding.</param>
public sealed record MarkPriceUpdated(MarkPrice Mark) : StreamEvent;
