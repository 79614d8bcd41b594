namespace TradingBot.Runtime.Core;

/// <summary>
/// A serial executor: runs one work item at a time, with its own <see cref="SynchronizationContext"/> and
/// <see cref="TaskScheduler"/> installed, so every await inside grain code resumes here.
/// Activations and client-side stream observers are work queues.
/// </summary>
internal abstract class WorkQueue : IThreadPoolWorkItem
{
    [ThreadStatic]
    private static WorkQueue? t_current;

    private static readonly Action<object?> s_drain = static q => ((WorkQueue)q!).Drain();

    private readonly Queue<WorkItem> _items = new();
    private readonly Lock _lock = new();
    private bool _scheduled;

    protected WorkQueue(IWorkScheduler scheduler)
    {
        Scheduler = scheduler;
        SyncContext = new WorkQueueSyncContext(this);
        TaskScheduler = new WorkQueueTaskScheduler(this);
    }

    /// <summary>The queue whose work runs on this thread right now, if any.</summary>
    public static WorkQueue? Current => t_current;

    public IWorkScheduler Scheduler { get; }

    public WorkQueueSyncContext SyncContext { get; }

    public WorkQueueTaskScheduler TaskScheduler { get; }

    /// <summary>Guards both the work items and the subclass' state.</summary>
    protected Lock SyncRoot => _lock;

    /// <summary>True when nothing is queued and no drain is scheduled or running.</summary>
    protected bool IsWorkQueueIdle => !_scheduled;

    public void Post(SendOrPostCallback callback, object? state) => Enqueue(new WorkItem(callback, state));

    public void QueueTask(Task task) => Enqueue(new WorkItem(task, null));

    public void Execute()
    {
        // The drain itself runs as a Task on our scheduler, so TaskScheduler.Current is ours for everything it runs.
        TaskScheduler.RunDrain(new Task(s_drain, this));
    }

    /// <summary>Runs <paramref name="action"/> synchronously as if it were a work item of this queue (deterministic inline path).</summary>
    public void RunInline<TState>(Action<TState> action, TState state)
    {
        var previousQueue = t_current;
        var previousContext = SynchronizationContext.Current;
        t_current = this;
        SynchronizationContext.SetSynchronizationContext(SyncContext);
        try
        {
            action(state);
        }
        finally
        {
            t_current = previousQueue;
            SynchronizationContext.SetSynchronizationContext(previousContext);
        }
    }

    internal void ExecuteTaskInline(Task task) => TaskScheduler.RunTask(task);

    protected abstract void OnUnhandledWorkItemException(Exception exception);

    private void Enqueue(WorkItem item)
    {
        bool schedule;
        lock (_lock)
        {
            _items.Enqueue(item);
            schedule = !_scheduled;
            _scheduled = true;
        }

        if (schedule)
        {
            Scheduler.Schedule(this);
        }
    }

    private void Drain()
    {
        var previousQueue = t_current;
        var previousContext = SynchronizationContext.Current;
        t_current = this;
        SynchronizationContext.SetSynchronizationContext(SyncContext);
        try
        {
            var budget = Scheduler.DrainBudget;
            while (true)
            {
                WorkItem item;
                lock (_lock)
                {
                    if (!_items.TryDequeue(out item))
                    {
                        _scheduled = false;
                        return;
                    }
                }

                try
                {
                    item.Run(this);
                }
                catch (Exception ex)
                {
                    OnUnhandledWorkItemException(ex);
                }

                if (--budget == 0)
                {
                    lock (_lock)
                    {
                        if (_items.Count == 0)
                        {
                            _scheduled = false;
                            return;
                        }
                    }

                    Scheduler.Schedule(this);
                    return;
                }
            }
        }
        finally
        {
            t_current = previousQueue;
            SynchronizationContext.SetSynchronizationContext(previousContext);
        }
    }

    private readonly struct WorkItem(object target, object? state)
    {
        public void Run(WorkQueue queue)
        {
            if (target is Task task)
            {
                queue.TaskScheduler.RunTask(task);
            }
            else
            {
                ((SendOrPostCallback)target)(state);
            }
        }
    }
}

/// <summary>Posts continuations back to the owning work queue.</summary>
internal sealed class WorkQueueSyncContext(WorkQueue queue) : SynchronizationContext
{
    public WorkQueue Queue { get; } = queue;

    public override void Post(SendOrPostCallback d, object? state) => Queue.Post(d, state);

    public override void Send(SendOrPostCallback d, object? state)
    {
        if (WorkQueue.Current == Queue)
        {
            d(state);
            return;
        }

        throw new NotSupportedException("Synchronous Send into a grain activation would block a turn; use await.");
    }

    public override SynchronizationContext CreateCopy() => this;
}

/// <summary>Exclusive task scheduler of one work queue (one work item at a time).</summary>
internal sealed class WorkQueueTaskScheduler(WorkQueue queue) : TaskScheduler
{
    [ThreadStatic]
    private static WorkQueueTaskScheduler? t_startingDrain;

    public override int MaximumConcurrencyLevel => 1;

    public void RunDrain(Task drain)
    {
        // RunSynchronously binds the task to this scheduler and executes it inline on the current thread.
        t_startingDrain = this;
        try
        {
            drain.RunSynchronously(this);
        }
        finally
        {
            t_startingDrain = null;
        }
    }

    public void RunTask(Task task) => TryExecuteTask(task);

    protected override void QueueTask(Task task) => queue.QueueTask(task);

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued)
    {
        if (t_startingDrain == this)
        {
            t_startingDrain = null;
            return TryExecuteTask(task);
        }

        return WorkQueue.Current == queue && TryExecuteTask(task);
    }

    protected override IEnumerable<Task>? GetScheduledTasks() => null;
}
