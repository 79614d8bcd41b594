namespace TradingBot.Runtime.Core;

/// <summary>Decides where work queues drain: on the thread pool, or on the deterministic pump.</summary>
internal interface IWorkScheduler
{
    /// <summary>Items a queue runs before yielding to others.</summary>
    int DrainBudget { get; }

    void Schedule(WorkQueue queue);
}

/// <summary>Concurrent mode: each ready queue drains on a pool thread.</summary>
internal sealed class ThreadPoolWorkScheduler : IWorkScheduler
{
    public int DrainBudget => 64;

    public void Schedule(WorkQueue queue) => ThreadPool.UnsafeQueueUserWorkItem(queue, preferLocal: false);
}

/// <summary>
/// Deterministic mode: ready queues are drained in FIFO order by whichever thread holds the pump.
/// With a single driver thread the whole system runs single-threaded and reproducibly.
/// </summary>
internal sealed class DeterministicScheduler : IWorkScheduler
{
    private readonly Queue<WorkQueue> _ready = new();
    private readonly Lock _pumpLock = new();
    private int _pumpThread;
    private int _pumpDepth;

    public int DrainBudget => 256;

    /// <summary>True on the thread currently pumping (inline calls are allowed only there).</summary>
    public bool IsPumpThread => Volatile.Read(ref _pumpThread) == Environment.CurrentManagedThreadId;

    public int ReadyCount
    {
        get
        {
            lock (_ready)
            {
                return _ready.Count;
            }
        }
    }

    public void Schedule(WorkQueue queue)
    {
        lock (_ready)
        {
            _ready.Enqueue(queue);
        }
    }

    /// <summary>Takes the pump for the calling thread (re-entrant). Dispose to release.</summary>
    public PumpScope EnterPump()
    {
        _pumpLock.Enter();
        if (_pumpDepth++ == 0)
        {
            Volatile.Write(ref _pumpThread, Environment.CurrentManagedThreadId);
        }

        return new PumpScope(this);
    }

    /// <summary>Drains every ready queue, including work those queues produce, until nothing is ready.</summary>
    public long RunUntilIdle()
    {
        using var scope = EnterPump();
        long executed = 0;
        while (true)
        {
            WorkQueue? next;
            lock (_ready)
            {
                if (!_ready.TryDequeue(out next))
                {
                    return executed;
                }
            }

            next.Execute();
            executed++;
        }
    }

    private void ExitPump()
    {
        if (--_pumpDepth == 0)
        {
            Volatile.Write(ref _pumpThread, 0);
        }

        _pumpLock.Exit();
    }

    public readonly struct PumpScope(DeterministicScheduler owner) : IDisposable
    {
        public void Dispose() => owner.ExitPump();
    }
}
