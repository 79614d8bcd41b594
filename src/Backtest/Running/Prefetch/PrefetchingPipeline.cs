using TradingBot.Contracts.Market;
using TradingBot.Grains.Market;

namespace TradingBot.Backtest.Running.Prefetch;

/// <summary>
/// A symbol's indicator pipeline that, in a backtest, computes the run's upcoming candles ahead on a worker thread.
/// Warm-up goes to the inner pipeline as live. At the first closed candle the inner pipeline is handed to a
/// <see cref="PrefetchLane"/>, which feeds it the run's candles from there on, in order, ahead of the grain; each call
/// then checks that the grain's candle is bit for bit the next one computed and hands back its snapshots. The answers
/// about the current state (<see cref="Latest"/>, <see cref="Candles"/>, <see cref="LastClosed"/>) come from what was
/// handed out, i.e. as of the grain's position, not the worker's. Any other candle (or a warm-up after the hand-over)
/// stops the lane and rebuilds an inner pipeline from the same warm-up and the candles handed out so far, which is
/// computed inline from then on: the engines are a pure function of the candles they are fed, so the rebuilt one is the
/// state the inline pipeline would have.
/// </summary>
internal sealed class PrefetchingPipeline : IIndicatorPipeline, IDisposable
{
    private static readonly Timeframe[] s_order = [Timeframe.M1, Timeframe.M15, Timeframe.H1];
    private readonly IIndicatorPipelineFactory _innerFactory;
    private readonly RunCandles _run;
    private readonly Func<PrefetchWorker> _worker;
    private readonly Action<PrefetchWorker> _release;
    private readonly Action<IndicatorPrefetchException> _failed;
    private readonly int _capacity;
    private readonly List<(Timeframe Timeframe, Candle[] Candles)> _warmUps = [];
    private readonly IndicatorSnapshot?[] _latest = new IndicatorSnapshot?[s_order.Length];
    private readonly Queue<Candle>[] _recent = s_order.Select(_ => new Queue<Candle>()).ToArray();
    private IIndicatorPipeline? _inner;
    private PrefetchLane? _lane;
    private PrefetchWorker? _laneWorker;
    private bool _started;
    private int _first;
    private int _next;
    private IndicatorPrefetchException? _failure;
    private bool _disposed;
    private long _stalls;
    private long _stallTicks;

    /// <param name="symbol">The symbol.</param>
    /// <param name="innerFactory">Creates the real pipeline (the live one).</param>
    /// <param name="run">The candles the grain will be fed.</param>
    /// <param name="worker">Gives the worker that will serve this symbol.</param>
    /// <param name="release">Called with that worker when this symbol no longer needs it.</param>
    /// <param name="failed">Told when the worker's failure reaches the grain.</param>
    /// <param name="capacity">Results computed ahead at most.</param>
    public PrefetchingPipeline(string symbol, IIndicatorPipelineFactory innerFactory, RunCandles run, Func<PrefetchWorker> worker, Action<PrefetchWorker> release,
        Action<IndicatorPrefetchException> failed, int capacity)
    {
        _innerFactory = innerFactory;
        _run = run;
        _worker = worker;
        _release = release;
        _failed = failed;
        _capacity = capacity;
        _inner = innerFactory.Create(symbol);
    }

    /// <summary>True while results come from the worker (false before the first candle and after a fallback).</summary>
    public bool IsPrefetching => _lane is not null;

    /// <summary>True once the pipeline computes inline again after a candle it did not expect.</summary>
    public bool FellBack { get; private set; }

    /// <summary>How often the grain waited for the worker (summed over the lanes this pipeline had).</summary>
    public long Stalls => _stalls + (_lane?.Stalls ?? 0);

    /// <summary>Stopwatch ticks the grain waited for the worker.</summary>
    public long StallTicks => _stallTicks + (_lane?.StallTicks ?? 0);

    /// <summary>The lane of this symbol while prefetching (tests look at its fill).</summary>
    internal PrefetchLane? Lane => _lane;

    public void WarmUp(Timeframe timeframe, IReadOnlyList<Candle> closed)
    {
        ArgumentNullException.ThrowIfNull(closed);
        ThrowIfFailed();
        if (_lane is not null)
        {
            FallBack();
        }

        if (!_started)
        {
            // Kept for a rebuild after a fallback: a copy, as the caller's list is not ours.
            _warmUps.Add((timeframe, closed.ToArray()));
        }

        _inner!.WarmUp(timeframe, closed);
    }

    public IReadOnlyList<IndicatorSnapshot> OnMinuteClosed(Candle candle)
    {
        ArgumentNullException.ThrowIfNull(candle);
        ThrowIfFailed();
        if (!_started)
        {
            _started = true;
            StartAt(_run.IndexOf(candle));
        }

        if (_lane is null)
        {
            return _inner!.OnMinuteClosed(candle);
        }

        if (!_run.Is(candle, _next))
        {
            FallBack();
            return _inner!.OnMinuteClosed(candle);
        }

        IReadOnlyList<IndicatorSnapshot> snapshots;
        try
        {
            snapshots = _lane.Take();
        }
        catch (IndicatorPrefetchException ex)
        {
            _failure = ex;
            _failed(ex);
            throw;
        }

        _next++;
        for (var i = 0; i < snapshots.Count; i++)
        {
            Track(snapshots[i]);
        }

        return snapshots;
    }

    public IndicatorSnapshot? Latest(Timeframe timeframe) => _lane is null ? _inner!.Latest(timeframe) : _latest[Array.IndexOf(s_order, timeframe)];

    public IReadOnlyList<Candle> Candles(Timeframe timeframe, int count)
    {
        if (_lane is null)
        {
            return _inner!.Candles(timeframe, count);
        }

        var recent = _recent[Array.IndexOf(s_order, timeframe)];
        return recent.Skip(Math.Max(0, recent.Count - count)).ToList();
    }

    public DateTimeOffset? LastClosed(Timeframe timeframe) => Latest(timeframe)?.Candle.OpenTime;

    /// <summary>Stops this symbol's computation ahead (the worker of a symbol of its own ends).</summary>
    public void Dispose()
    {
        _disposed = true;
        if (_lane is { } lane)
        {
            _lane = null;
            Release(lane);
        }
    }

    /// <summary>Hands the inner pipeline to a lane starting at run bar <paramref name="first"/> (none when −1).</summary>
    private void StartAt(int first)
    {
        if (first < 0)
        {
            return;
        }

        // The state as of the hand-over, from the inner pipeline while it is still the run thread's.
        for (var i = 0; i < s_order.Length; i++)
        {
            _latest[i] = _inner!.Latest(s_order[i]);
            foreach (var c in _inner.Candles(s_order[i], IctIndicatorPipeline.RecentCandleCapacity))
            {
                _recent[i].Enqueue(c);
            }
        }

        _first = first;
        _next = first;
        _lane = new PrefetchLane(_inner!, _run, first, _capacity);
        _inner = null;
        _laneWorker = _worker();
        _laneWorker.Add(_lane);
    }

    private void Track(IndicatorSnapshot snapshot)
    {
        var i = Array.IndexOf(s_order, snapshot.Timeframe);
        _latest[i] = snapshot;
        var recent = _recent[i];
        recent.Enqueue(snapshot.Candle);
        if (recent.Count > IctIndicatorPipeline.RecentCandleCapacity)
        {
            recent.Dequeue();
        }
    }

    /// <summary>
    /// Leaves the worker's pipeline (it is ahead of the grain and cannot go back) and rebuilds the grain's state inline:
    /// a new inner pipeline fed the same warm-up and the run candles handed out so far.
    /// </summary>
    private void FallBack()
    {
        var lane = _lane!;
        _lane = null;
        Release(lane);
        var inner = _innerFactory.Create(_run.Symbol);
        foreach (var (timeframe, candles) in _warmUps)
        {
            inner.WarmUp(timeframe, candles);
        }

        for (var i = _first; i < _next; i++)
        {
            inner.OnMinuteClosed(_run.Candle(i));
        }

        _inner = inner;
        FellBack = true;
        Array.Clear(_latest);
        foreach (var recent in _recent)
        {
            recent.Clear();
        }
    }

    private void Release(PrefetchLane lane)
    {
        _stalls += lane.Stalls;
        _stallTicks += lane.StallTicks;
        _laneWorker!.Remove(lane);
        _release(_laneWorker);
        _laneWorker = null;
    }

    private void ThrowIfFailed()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_failure is not null)
        {
            throw new IndicatorPrefetchException(_failure.Message, _failure);
        }
    }
}
