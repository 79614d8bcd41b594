namespace TradingBot.Backtest.Running.Prefetch;

/// <summary>
/// A background thread computing candles ahead for one or more <see cref="PrefetchLane"/>s, a batch per lane in turn,
/// sleeping while every ring is full (the run thread wakes it when one is half empty).
/// </summary>
internal sealed class PrefetchWorker : IDisposable
{
    private const int Batch = 64;
    private static readonly TimeSpan s_joinTimeout = TimeSpan.FromSeconds(10);
    private readonly Thread _thread;
    private readonly Lock _gate = new();
    private readonly ManualResetEventSlim _wake = new(false);
    private PrefetchLane[] _lanes = [];
    private IdleFlag _idle;
    private int _stopping;

    public PrefetchWorker(string name)
    {
        _thread = new Thread(Run) { IsBackground = true, Name = name };
    }

    /// <summary>True while the thread runs (false before the first lane and after <see cref="Dispose"/>).</summary>
    public bool IsRunning => _thread.IsAlive && Volatile.Read(ref _stopping) == 0;

    /// <summary>True while the worker sleeps because no lane can make progress.</summary>
    public bool IsIdle => Volatile.Read(ref _idle.Value) != 0;

    /// <summary>How often the thread went to sleep with every ring full or every lane done.</summary>
    public long Sleeps { get; private set; }

    /// <summary>Stopwatch ticks spent computing (not sleeping).</summary>
    public long BusyTicks { get; private set; }

    /// <summary>Seconds the thread was on a CPU and waiting in the run queue, as of a recent sleep (Linux; zero elsewhere).</summary>
    public (double OnCpu, double Queued) Scheduling { get; private set; }

    /// <summary>Candles computed.</summary>
    public long Produced { get; private set; }

    public void Add(PrefetchLane lane)
    {
        ArgumentNullException.ThrowIfNull(lane);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _stopping) != 0, this);
        lane.Worker = this;
        lock (_gate)
        {
            Volatile.Write(ref _lanes, [.. _lanes, lane]);
            if (_thread.ThreadState.HasFlag(ThreadState.Unstarted))
            {
                _thread.Start();
            }
        }

        Wake();
    }

    /// <summary>Stops serving <paramref name="lane"/>; its pipeline is no longer touched once the current batch ends.</summary>
    public void Remove(PrefetchLane lane)
    {
        ArgumentNullException.ThrowIfNull(lane);
        lane.Stop();
        lock (_gate)
        {
            Volatile.Write(ref _lanes, _lanes.Where(l => !ReferenceEquals(l, lane)).ToArray());
        }
    }

    public void Wake() => _wake.Set();

    /// <summary>Stops the thread and waits for it; lanes still served report the stop to a waiting consumer.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _stopping, 1) != 0)
        {
            return;
        }

        foreach (var lane in Volatile.Read(ref _lanes))
        {
            lane.Stop();
        }

        _wake.Set();
        bool started;
        lock (_gate)
        {
            started = !_thread.ThreadState.HasFlag(ThreadState.Unstarted);
        }

        // A batch is 64 candles, well under a second: the thread ends within the timeout. The wake event is not
        // disposed: a consumer may still signal it while it learns of the stop.
        if (started)
        {
            _thread.Join(s_joinTimeout);
        }
    }

    /// <summary>The calling thread's CPU and run-queue time from /proc (a benchmark figure; zero where unavailable).</summary>
    private static (double OnCpu, double Queued) ThreadScheduling()
    {
        try
        {
            var fields = File.ReadAllText("/proc/thread-self/schedstat").Split(' ');
            return (long.Parse(fields[0], System.Globalization.CultureInfo.InvariantCulture) / 1e9, long.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) / 1e9);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return default;
        }
    }

    private void Run()
    {
        try
        {
            while (Volatile.Read(ref _stopping) == 0)
            {
                var produced = 0;
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                foreach (var lane in Volatile.Read(ref _lanes))
                {
                    produced += lane.Produce(Batch);
                }

                BusyTicks += System.Diagnostics.Stopwatch.GetTimestamp() - started;
                Produced += produced;
                if (produced > 0)
                {
                    continue;
                }

                _wake.Reset();
                // Flag first, then re-check the lanes: a result taken before this re-check frees its ring, one taken after
                // it sees the flag and wakes the worker (should that read be stale, the consumer runs its ring empty and
                // its waiting path wakes the worker for sure).
                Interlocked.Exchange(ref _idle.Value, 1);
                if (Volatile.Read(ref _stopping) == 0 && !Array.Exists(Volatile.Read(ref _lanes), l => l.CanProduce))
                {
                    if (Sleeps++ % 16 == 0)
                    {
                        // Sampled: reading /proc costs some microseconds, the worker sleeps thousands of times a run.
                        Scheduling = ThreadScheduling();
                    }

                    _wake.Wait();
                }

                Interlocked.Exchange(ref _idle.Value, 0);
            }
        }
        catch (Exception ex)
        {
            // Pipeline errors are the lanes' (reported at their candle); anything else is the worker's own failure.
            foreach (var lane in Volatile.Read(ref _lanes))
            {
                lane.Fail(ex);
            }
        }
    }

    /// <summary>The flag the run thread reads per candle, on a cache line of its own (the counters beside it change per batch).</summary>
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Explicit, Size = 256)]
    private struct IdleFlag
    {
        [System.Runtime.InteropServices.FieldOffset(128)]
        public int Value;
    }
}
