namespace TradingBot.Exchange.Simulator.Faults;

/// <summary>How many times each knob of a <see cref="FaultPlan"/> actually fired (armed faults that no request consumed are not counted).</summary>
public sealed class FaultStatistics
{
    private long _droppedReplies;
    private long _unknown503;
    private long _timeouts1007;
    private long _rateLimited;
    private long _duplicatedEvents;
    private long _reorderedEvents;
    private long _duplicatedMarket;
    private long _listenKeyExpiries;
    private long _socketDrops;

    public long DroppedReplies => Interlocked.Read(ref _droppedReplies);

    public long Unknown503 => Interlocked.Read(ref _unknown503);

    public long Timeouts1007 => Interlocked.Read(ref _timeouts1007);

    public long RateLimited => Interlocked.Read(ref _rateLimited);

    public long DuplicatedEvents => Interlocked.Read(ref _duplicatedEvents);

    public long ReorderedEvents => Interlocked.Read(ref _reorderedEvents);

    public long DuplicatedMarketMessages => Interlocked.Read(ref _duplicatedMarket);

    public long ListenKeyExpiries => Interlocked.Read(ref _listenKeyExpiries);

    public long SocketDrops => Interlocked.Read(ref _socketDrops);

    internal void DroppedReply() => Interlocked.Increment(ref _droppedReplies);

    internal void Answered503() => Interlocked.Increment(ref _unknown503);

    internal void AnsweredTimeout() => Interlocked.Increment(ref _timeouts1007);

    internal void RefusedRateLimit() => Interlocked.Increment(ref _rateLimited);

    internal void DuplicatedEvent() => Interlocked.Increment(ref _duplicatedEvents);

    internal void ReorderedEvent() => Interlocked.Increment(ref _reorderedEvents);

    internal void DuplicatedMarket() => Interlocked.Increment(ref _duplicatedMarket);

    internal void ExpiredListenKeys() => Interlocked.Increment(ref _listenKeyExpiries);

    internal void DroppedSockets() => Interlocked.Increment(ref _socketDrops);
}
