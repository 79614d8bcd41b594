using TradingBot.Exchange.Model.Events;

namespace TradingBot.Exchange.Binance.Streams;

/// <summary>What one WebSocket text frame turned out to be.</summary>
internal enum StreamFrameKind
{
    /// <summary>A typed event in <see cref="StreamFrame.Event"/>.</summary>
    Event,

    /// <summary>A kline update for a still-open candle (x=false): ignored by design.</summary>
    OpenKline,

    /// <summary>SUBSCRIBE/UNSUBSCRIBE acknowledgement or LIST reply.</summary>
    Ack,

    /// <summary>Control-message error reply {"error":...}.</summary>
    ControlError,

    /// <summary>Valid JSON with an event type we do not handle.</summary>
    UnknownEvent,

    /// <summary>Not JSON, truncated, or missing/invalid required fields.</summary>
    Malformed,

    /// <summary>A numeric field held NaN/Infinity.</summary>
    NonFinite,
}

/// <summary>Parse result of one frame.</summary>
/// <param name="Kind">Classification.</param>
/// <param name="Event">The event when <paramref name="Kind"/> is <see cref="StreamFrameKind.Event"/>.</param>
/// <param name="Detail">Event type or error text, for logs.</param>
internal sealed record StreamFrame(StreamFrameKind Kind, StreamEvent? Event = null, string? Detail = null);
