namespace TradingBot.Exchange.Binance.Streams;

/// <summary>Thread-safe health counters of all streams of one client. Bad input is counted and logged, never fatal.</summary>
public sealed class StreamCounters
{
    private long _frames;
    private long _events;
    private long _malformed;
    private long _nonFinite;
    private long _unknown;
    private long _oversized;
    private long _openKlines;
    private long _duplicates;
    private long _backfilled;
    private long _reconnects;
    private long _handlerErrors;
    private long _controlErrors;
    private long _silenceTimeouts;

    /// <summary>Text frames received.</summary>
    public long FramesReceived => Interlocked.Read(ref _frames);

    /// <summary>Events handed to subscribers.</summary>
    public long EventsDelivered => Interlocked.Read(ref _events);

    /// <summary>Frames that were not valid JSON, truncated, or missing required fields.</summary>
    public long MalformedFrames => Interlocked.Read(ref _malformed);

    /// <summary>Frames with NaN/Infinity numbers.</summary>
    public long NonFiniteFrames => Interlocked.Read(ref _nonFinite);

    /// <summary>Frames with an unhandled event type.</summary>
    public long UnknownEvents => Interlocked.Read(ref _unknown);

    /// <summary>Frames larger than the configured limit (discarded).</summary>
    public long OversizedFrames => Interlocked.Read(ref _oversized);

    /// <summary>Kline updates of still-open candles (x=false), ignored by design.</summary>
    public long OpenKlinesIgnored => Interlocked.Read(ref _openKlines);

    /// <summary>Closed klines dropped because that candle was already delivered.</summary>
    public long DuplicateKlinesDropped => Interlocked.Read(ref _duplicates);

    /// <summary>Closed klines delivered from REST after a disconnect or gap.</summary>
    public long BackfilledKlines => Interlocked.Read(ref _backfilled);

    /// <summary>Reconnect attempts.</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>Subscriber handlers that threw.</summary>
    public long HandlerErrors => Interlocked.Read(ref _handlerErrors);

    /// <summary>{"error":...} replies to control messages.</summary>
    public long ControlErrors => Interlocked.Read(ref _controlErrors);

    /// <summary>Connections dropped by the receive-silence watchdog.</summary>
    public long SilenceTimeouts => Interlocked.Read(ref _silenceTimeouts);

    internal void Frame() => Interlocked.Increment(ref _frames);

    internal void Event() => Interlocked.Increment(ref _events);

    internal void Malformed() => Interlocked.Increment(ref _malformed);

    internal void NonFinite() => Interlocked.Increment(ref _nonFinite);

    internal void Unknown() => Interlocked.Increment(ref _unknown);

    internal void Oversized() => Interlocked.Increment(ref _oversized);

    internal void OpenKline() => Interlocked.Increment(ref _openKlines);

    internal void Duplicate() => Interlocked.Increment(ref _duplicates);

    internal void Backfilled() => Interlocked.Increment(ref _backfilled);

    internal void Reconnect() => Interlocked.Increment(ref _reconnects);

    internal void HandlerError() => Interlocked.Increment(ref _handlerErrors);

    internal void ControlError() => Interlocked.Increment(ref _controlErrors);

    internal void SilenceTimeout() => Interlocked.Increment(ref _silenceTimeouts);
}
