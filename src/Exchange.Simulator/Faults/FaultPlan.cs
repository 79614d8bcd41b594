namespace TradingBot.Exchange.Simulator.Faults;

/// <summary>
/// Runtime-settable fault knobs. Counters ("next N requests") are consumed by requests that match
/// <see cref="OnlyMethod"/>/<see cref="OnlyPath"/> (null = any request except time/ping/exchangeInfo).
/// Probabilities use a seeded <see cref="Random"/> so runs repeat. Thread-safe.
/// </summary>
public sealed class FaultPlan
{
    private readonly Lock _gate = new();
    private Random _random;
    private int _dropReplies;
    private int _unknown503;
    private int _timeout1007;
    private int _rateLimitBurst;

    public FaultPlan(int seed = 12345) => _random = new Random(seed);

    /// <summary>Raised when a test asks to cut stream connections; the argument is "market", "public" or "private".</summary>
    public event Action<string>? SocketDropRequested;

    /// <summary>Raised when a test asks to expire every active listen key now (the venue pushes listenKeyExpired).</summary>
    public event Action? ListenKeyExpiryRequested;

    /// <summary>
    /// Raised synchronously on the request's thread right after a REST request executed successfully in the engine and
    /// before any reply fault or the reply itself: a harness can crash the client at exactly that moment.
    /// </summary>
    public event Action<RequestObservation>? RequestExecuted;

    /// <summary>Raised after every REST request (also refused, failed or aborted ones) with the status written.</summary>
    public event Action<RequestObservation>? RequestCompleted;

    /// <summary>How often each knob fired.</summary>
    public FaultStatistics Statistics { get; } = new();

    /// <summary>Restrict request faults to this HTTP method (e.g. "POST").</summary>
    public string? OnlyMethod { get; set; }

    /// <summary>Restrict request faults to this exact path (e.g. "/fapi/v1/order").</summary>
    public string? OnlyPath { get; set; }

    /// <summary>Delay added to every reply of matching requests (the request is executed first, as a slow backend would).</summary>
    public TimeSpan ReplyDelay { get; set; }

    /// <summary>Added to the server clock (time endpoint, timestamp window, exchangeInfo.serverTime).</summary>
    public TimeSpan ClockSkew { get; set; }

    /// <summary>Probability that a user-data event is sent twice.</summary>
    public double DuplicateEventProbability { get; set; }

    /// <summary>Probability that a user-data event is held back and sent after the next one.</summary>
    public double ReorderEventProbability { get; set; }

    /// <summary>Probability that a market-stream message is sent twice.</summary>
    public double DuplicateMarketProbability { get; set; }

    /// <summary>Re-seeds the random source.</summary>
    public void Reseed(int seed)
    {
        lock (_gate)
        {
            _random = new Random(seed);
        }
    }

    /// <summary>The next <paramref name="count"/> matching requests execute, then the connection is aborted (lost response).</summary>
    public void DropRepliesAfterExecuting(int count = 1) => Interlocked.Exchange(ref _dropReplies, count);

    /// <summary>The next matching requests execute, then answer HTTP 503 "Unknown error, please check your request or try again later.".</summary>
    public void UnknownErrorAfterExecuting(int count = 1) => Interlocked.Exchange(ref _unknown503, count);

    /// <summary>The next matching requests execute, then answer -1007 (timeout waiting for the backend; status unknown).</summary>
    public void TimeoutAfterExecuting(int count = 1) => Interlocked.Exchange(ref _timeout1007, count);

    /// <summary>The next matching requests are refused with 429 / -1003 and Retry-After (not executed).</summary>
    public void RateLimitBurst(int count = 1) => Interlocked.Exchange(ref _rateLimitBurst, count);

    /// <summary>Closes every stream connection on a path ("market", "public", "private").</summary>
    public void DropSockets(string path)
    {
        Statistics.DroppedSockets();
        SocketDropRequested?.Invoke(path);
    }

    /// <summary>Expires every active listen key now, as Binance does after 60 minutes without keep-alive.</summary>
    public void ExpireListenKeys()
    {
        Statistics.ExpiredListenKeys();
        ListenKeyExpiryRequested?.Invoke();
    }

    /// <summary>Clears every knob.</summary>
    public void Reset()
    {
        _dropReplies = _unknown503 = _timeout1007 = _rateLimitBurst = 0;
        ReplyDelay = ClockSkew = TimeSpan.Zero;
        DuplicateEventProbability = ReorderEventProbability = DuplicateMarketProbability = 0;
        OnlyMethod = OnlyPath = null;
    }

    internal bool Matches(string method, string path)
    {
        if (OnlyMethod is not null && !string.Equals(OnlyMethod, method, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return OnlyPath is not null
            ? string.Equals(OnlyPath, path, StringComparison.Ordinal)
            : path is not ("/fapi/v1/time" or "/fapi/v1/ping" or "/fapi/v1/exchangeInfo");
    }

    internal bool TakeRateLimit() => Counted(TakeOne(ref _rateLimitBurst), Statistics.RefusedRateLimit);

    internal bool TakeDropReply() => Counted(TakeOne(ref _dropReplies), Statistics.DroppedReply);

    internal bool TakeUnknown503() => Counted(TakeOne(ref _unknown503), Statistics.Answered503);

    internal bool TakeTimeout() => Counted(TakeOne(ref _timeout1007), Statistics.AnsweredTimeout);

    internal bool RollDuplicateEvent() => Counted(Roll(DuplicateEventProbability), Statistics.DuplicatedEvent);

    internal bool RollReorderEvent() => Counted(Roll(ReorderEventProbability), Statistics.ReorderedEvent);

    internal bool RollDuplicateMarket() => Counted(Roll(DuplicateMarketProbability), Statistics.DuplicatedMarket);

    internal void NotifyExecuted(RequestObservation observation) => RequestExecuted?.Invoke(observation);

    internal void NotifyCompleted(RequestObservation observation) => RequestCompleted?.Invoke(observation);

    internal bool Roll(double probability)
    {
        if (probability <= 0)
        {
            return false;
        }

        lock (_gate)
        {
            return _random.NextDouble() < probability;
        }
    }

    private static bool Counted(bool fired, Action count)
    {
        if (fired)
        {
            count();
        }

        return fired;
    }

    private static bool TakeOne(ref int counter)
    {
        while (true)
        {
            var current = Volatile.Read(ref counter);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter, current - 1, current) == current)
            {
                return true;
            }
        }
    }
}
