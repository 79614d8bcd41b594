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
/// <remarks>
/// Work that becomes ready while nobody holds the pump normally waits for the driver's next call
/// (<c>RunUntilQuiescentAsync</c>, <c>AdvanceTimeAsync</c>, a grain call). That is wrong in one case: the driver is
/// already awaiting an external call that quiescence could not finish, and the work that would finish it was
/// posted from another thread (a TPL continuation that ran on the thread pool, host code completing a task a grain
/// awaits). Nobody would ever pump it and the driver would wait forever. So while such an awaited external call is
/// outstanding, work scheduled off the pump is drained by a pool thread that takes the pump.
/// </remarks>
internal sealed class DeterministicScheduler : IWorkScheduler
{
    private static readonly Action<Task, object?> s_externalDone = static (_, s) => Interlocked.Decrement(ref ((DeterministicScheduler)s!)._awaitedExternal);

    private readonly Queue<WorkQueue> _ready = new();
    private readonly Lock _readyLock = new();
    private readonly Lock _pumpLock = new();
    private int _pumpThread;
    private int _pumpDepth;
    private int _awaitedExternal;
    private int _kickQueued;

    public int DrainBudget => 256;

    /// <summary>Nesting of inline turns on the pump (touched only by the thread holding the pump).</summary>
    public int InlineDepth { get; set; }

    /// <summary>True on the thread currently pumping (inline calls are allowed only there).</summary>
    public bool IsPumpThread => Volatile.Read(ref _pumpThread) == Environment.CurrentManagedThreadId;

    public int ReadyCount
    {
        get
        {
            lock (_readyLock)
            {
                return _ready.Count;
            }
        }
    }

    public void Schedule(WorkQueue queue)
    {
        lock (_readyLock)
        {
            _ready.Enqueue(queue);
        }

        if (!IsPumpThread)
        {
            KickIfStranded();
        }
    }

    /// <summary>
    /// Called by an external caller after quiescence with the task it hands back. When the task is still running, the
    /// driver waits for work that only another thread can make ready; see the class remarks.
    /// </summary>
    public void TrackExternal(Task task)
    {
        if (task.IsCompleted)
        {
            return;
        }

        Interlocked.Increment(ref _awaitedExternal);
        task.ContinueWith(s_externalDone, this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
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
            lock (_readyLock)
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
        var outermost = --_pumpDepth == 0;
        if (outermost)
        {
            Volatile.Write(ref _pumpThread, 0);
        }

        _pumpLock.Exit();

        // Work scheduled by another thread while this one was finishing could not take the pump: look again.
        if (outermost)
        {
            KickIfStranded();
        }
    }

    private void KickIfStranded()
    {
        if (Volatile.Read(ref _awaitedExternal) == 0 || ReadyCount == 0 || Interlocked.Exchange(ref _kickQueued, 1) == 1)
        {
            return;
        }

        ThreadPool.UnsafeQueueUserWorkItem(static s => s.DrainStranded(), this, preferLocal: false);
    }

    private void DrainStranded()
    {
        Volatile.Write(ref _kickQueued, 0);

        // A holder drains the work itself, and its ExitPump looks again for anything that arrived meanwhile.
        if (!_pumpLock.TryEnter())
        {
            return;
        }

        if (_pumpDepth++ == 0)
        {
            Volatile.Write(ref _pumpThread, Environment.CurrentManagedThreadId);
        }

        using var scope = new PumpScope(this);
        RunUntilIdle();
    }

    public readonly struct PumpScope(DeterministicScheduler owner) : IDisposable
    {
        public void Dispose() => owner.ExitPump();
    }
}
