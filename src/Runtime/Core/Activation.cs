using TradingBot.Runtime.Persistence;
using TradingBot.Runtime.Streams;
using TradingBot.Runtime.Timers;

namespace TradingBot.Runtime.Core;

internal enum ActivationState
{
    Created,
    Activating,
    Valid,
    Deactivating,
    Invalid,
}

/// <summary>Outcome of handing a message to an activation.</summary>
internal enum ReceiveResult
{
    Accepted,
    Rejected,
    Invalid,
}

/// <summary>
/// One live grain: its mailbox (priority lanes, bounded), admission rules, exclusive scheduler, timers, state
/// records and stream observers. All mutable fields are guarded by <see cref="WorkQueue.SyncRoot"/>.
/// </summary>
internal sealed class Activation : WorkQueue, IGrainContext
{
    [ThreadStatic]
    private static Activation? t_constructing;

    private static readonly SendOrPostCallback s_runTurn = static m => ((Message)m!).Activation!.RunTurn((Message)m!);
    private static readonly SendOrPostCallback s_activate = static a => _ = ((Activation)a!).ActivateAsync();
    private static readonly SendOrPostCallback s_deactivate = static a => _ = ((Activation)a!).DeactivateAsync();

    private readonly Queue<Message>[] _lanes = [new(), new(), new(), new()];
    private readonly List<Message> _interleaved = [];
    private readonly List<IPersistentStateControl> _states = [];
    private readonly List<GrainTimer> _timers = [];
    private readonly Dictionary<Guid, IStreamObserverAdapter> _streamObservers = [];
    private readonly TaskCompletionSource _deactivated;
    private readonly int _capacity;
    private ActivationState _state;
    private int _queued;
    private int _streamObserversVersion;
    private int _running;
    private int _blocking;
    private int _blockingReadOnly;
    private long _lastActivity;
    private long _keepAliveUntil;
    private bool _deactivateOnIdle;
    private bool _deactivationPosted;
    private DeactivationReason? _pendingDeactivation;
    private DeactivationReason _deactivationReason;
    private Grain? _instance;

    public Activation(GrainRuntime runtime, GrainClassInfo grainClass, GrainId grainId)
        : base(runtime.WorkScheduler)
    {
        Runtime = runtime;
        Class = grainClass;
        GrainId = grainId;
        _capacity = runtime.Options.MailboxCapacity;
        _lastActivity = runtime.Clock.GetTimestamp();

        // Deterministic mode: continuations must not hop to the thread pool, where the pump never sees them.
        _deactivated = new TaskCompletionSource(runtime.CompletionOptions);
    }

    /// <summary>The activation whose grain is being constructed on this thread (read by the <see cref="Grain"/> constructor).</summary>
    public static Activation? Constructing => t_constructing;

    public GrainRuntime Runtime { get; }

    public GrainClassInfo Class { get; }

    public GrainId GrainId { get; }

    public Message? ExclusiveMessage { get; private set; }

    public object? GrainInstance => _instance;

    public Grain? Instance => _instance;

    public bool IsValid => _state == ActivationState.Valid;

    public string Status
    {
        get
        {
            lock (SyncRoot)
            {
                return _state.ToString();
            }
        }
    }

    public int QueueDepth => Volatile.Read(ref _queued);

    public int RunningRequests => Volatile.Read(ref _running);

    public DateTimeOffset LastActivity =>
        Runtime.Clock.GetUtcNow() - Runtime.Clock.GetElapsedTime(Volatile.Read(ref _lastActivity));

    public Task Deactivated => _deactivated.Task;

    /// <summary>Hands a message to this activation: start it, queue it, or reject it (mailbox full).</summary>
    public ReceiveResult Receive(Message message)
    {
        Exception? rejection = null;
        lock (SyncRoot)
        {
            switch (_state)
            {
                case ActivationState.Invalid:
                    return ReceiveResult.Invalid;
                case ActivationState.Created:
                    _state = ActivationState.Activating;
                    Post(s_activate, this);
                    break;
                case ActivationState.Valid:
                    if ((_queued == 0 || message.IsAlwaysInterleave || Class.Reentrant) && MayInvoke(message))
                    {
                        StartLocked(message);
                        Post(s_runTurn, message);
                        return ReceiveResult.Accepted;
                    }

                    break;
            }

            if ((message.Flags & MessageFlags.BypassCapacity) == 0 && _queued >= _capacity)
            {
                rejection = new GrainOverloadedException(GrainId, _queued, _capacity);
            }
            else
            {
                message.WasQueued = true;
                _lanes[(int)message.Priority].Enqueue(message);
                _queued++;
                Class.Stats.ObserveDepth(_queued);
            }
        }

        if (rejection is not null)
        {
            Class.Stats.RecordOverload();
            message.Fail(rejection);
            return ReceiveResult.Rejected;
        }

        return ReceiveResult.Accepted;
    }

    /// <summary>
    /// Deterministic fast path: when this activation is completely idle and the caller holds the pump, run the
    /// request's first synchronous part right here instead of queueing it.
    /// </summary>
    public bool TryRunInline(Message message)
    {
        lock (SyncRoot)
        {
            if (_state != ActivationState.Valid || _running != 0 || _queued != 0 || !IsWorkQueueIdle)
            {
                return false;
            }

            StartLocked(message);
        }

        RunInline(static m => m.Activation!.RunTurn(m), message);
        return true;
    }

    public void RequestDeactivateOnIdle()
    {
        lock (SyncRoot)
        {
            _deactivateOnIdle = true;
            if (_state == ActivationState.Valid && _running == 0)
            {
                BeginDeactivationLocked(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle"));
            }
        }
    }

    public void DelayDeactivation(TimeSpan timeSpan)
    {
        lock (SyncRoot)
        {
            _keepAliveUntil = timeSpan <= TimeSpan.Zero ? 0 : Runtime.Clock.GetTimestamp() + Runtime.ToTimestampTicks(timeSpan);
        }
    }

    /// <summary>Starts deactivation (idempotent). Completes when this activation is gone.</summary>
    public Task DeactivateAsync(DeactivationReason reason)
    {
        lock (SyncRoot)
        {
            if (_state is ActivationState.Valid)
            {
                BeginDeactivationLocked(reason);
            }
            else if (_state is ActivationState.Activating or ActivationState.Created)
            {
                _pendingDeactivation ??= reason;
            }
        }

        return _deactivated.Task;
    }

    /// <summary>Idle collection check; starts deactivation when idle for longer than <paramref name="ageTicks"/>.</summary>
    public bool TryCollect(long now, long ageTicks)
    {
        if (Class.KeepAlive)
        {
            return false;
        }

        lock (SyncRoot)
        {
            if (_state != ActivationState.Valid || _running != 0 || _queued != 0 || now - _lastActivity < ageTicks || now < _keepAliveUntil)
            {
                return false;
            }

            BeginDeactivationLocked(new DeactivationReason(DeactivationReasonCode.ActivationIdle, "Idle longer than the collection age"));
            return true;
        }
    }

    /// <summary>Removes queued messages whose deadline passed and collects running ones whose caller stops waiting.</summary>
    public void CollectExpired(long now, List<Message> expiredQueued, List<Message> expiredRunning)
    {
        lock (SyncRoot)
        {
            if (ExclusiveMessage is { } exclusive && exclusive.Deadline <= now)
            {
                expiredRunning.Add(exclusive);
            }

            foreach (var m in _interleaved)
            {
                if (m.Deadline <= now)
                {
                    expiredRunning.Add(m);
                }
            }

            if (_queued == 0)
            {
                return;
            }

            foreach (var lane in _lanes)
            {
                var expiredInLane = 0;
                foreach (var m in lane)
                {
                    if (m.Deadline <= now)
                    {
                        expiredInLane++;
                    }
                }

                if (expiredInLane == 0)
                {
                    continue;
                }

                var count = lane.Count;
                for (var i = 0; i < count; i++)
                {
                    var m = lane.Dequeue();
                    if (m.Deadline <= now)
                    {
                        expiredQueued.Add(m);
                        _queued--;
                    }
                    else
                    {
                        lane.Enqueue(m);
                    }
                }
            }
        }
    }

    public IPersistentState<TState> CreatePersistentState<TState>(string stateName, string? storageName)
    {
        var storage = Runtime.GetGrainStorage(storageName);
        var state = new PersistentState<TState>(stateName, GrainId, storage, Runtime.Metrics.ForStorage(storageName ?? GrainRuntime.DefaultStorageName, stateName), Runtime.CompletionOptions);
        _states.Add(state);
        return state;
    }

    public IGrainTimer RegisterTimer(Func<object?, CancellationToken, Task> callback, object? state, GrainTimerCreationOptions options)
    {
        var timer = new GrainTimer(this, callback, state, options);
        lock (SyncRoot)
        {
            if (_state is ActivationState.Deactivating or ActivationState.Invalid)
            {
                throw new InvalidOperationException($"Cannot register a timer on {GrainId} while it deactivates.");
            }

            _timers.Add(timer);
        }

        timer.Start();
        return timer;
    }

    public void RemoveTimer(GrainTimer timer)
    {
        lock (SyncRoot)
        {
            _timers.Remove(timer);
        }
    }

    /// <summary>Changes whenever the stream observers of this activation change (read before a lookup it validates).</summary>
    public int StreamObserversVersion => Volatile.Read(ref _streamObserversVersion);

    public bool TryGetStreamObserver(Guid subscriptionId, out IStreamObserverAdapter observer)
    {
        lock (SyncRoot)
        {
            return _streamObservers.TryGetValue(subscriptionId, out observer!);
        }
    }

    public void SetStreamObserver(Guid subscriptionId, IStreamObserverAdapter? observer)
    {
        lock (SyncRoot)
        {
            _streamObserversVersion++;
            if (observer is null)
            {
                _streamObservers.Remove(subscriptionId);
            }
            else
            {
                _streamObservers[subscriptionId] = observer;
            }
        }
    }

    protected override void OnUnhandledWorkItemException(Exception exception) =>
        Runtime.Log.UnhandledWorkItemException(exception, GrainId);

    private bool MayInvoke(Message message) =>
        Class.Reentrant || message.IsAlwaysInterleave || _blocking == 0 || (message.IsReadOnly && _blocking == _blockingReadOnly);

    private void StartLocked(Message message)
    {
        message.Activation = this;
        _running++;
        if (!message.IsAlwaysInterleave)
        {
            _blocking++;
            if (message.IsReadOnly)
            {
                _blockingReadOnly++;
            }
        }

        if (!Class.Reentrant && !message.IsAlwaysInterleave && !message.IsReadOnly)
        {
            ExclusiveMessage = message;
        }
        else
        {
            // An interleaving turn flows its message in an AsyncLocal, which any ExecutionContext captured during
            // the turn keeps: such a message is never reused.
            message.Pin();
            _interleaved.Add(message);
        }

        if ((message.Flags & MessageFlags.Activity) != 0)
        {
            _lastActivity = message.EnqueuedAt;
        }
    }

    private void RunTurn(Message message)
    {
        var stats = Class.Stats;
        if (message.WasQueued)
        {
            stats.RecordQueueTime(Runtime.Clock.GetTimestamp() - message.EnqueuedAt, Runtime.Clock.TimestampFrequency);
        }

        Task invocation;
        if (ExclusiveMessage == message)
        {
            invocation = Invoke(message);
        }
        else
        {
            var previous = CallChain.Interleaved;
            CallChain.Interleaved = message;
            try
            {
                invocation = Invoke(message);
            }
            finally
            {
                CallChain.Interleaved = previous;
            }
        }

        if (invocation.IsCompleted)
        {
            OnTurnCompleted(message, invocation);
        }
        else
        {
            CompleteLater(message, invocation);
        }
    }

    // A separate method so the closure is only allocated for turns that really go asynchronous (a lambda in
    // RunTurn would allocate its captured-variable class on every turn).
    private void CompleteLater(Message message, Task invocation) =>
        invocation.GetAwaiter().UnsafeOnCompleted(() => OnTurnCompleted(message, invocation));

    private Task Invoke(Message message)
    {
        try
        {
            return message.InvokeAsync(this);
        }
        catch (Exception ex)
        {
            return Task.FromException(ex);
        }
    }

    private void OnTurnCompleted(Message message, Task invocation)
    {
        var failure = invocation.IsFaulted ? invocation.Exception!.InnerException : null;
        lock (SyncRoot)
        {
            message.MarkCompleted();
            _running--;
            if (!message.IsAlwaysInterleave)
            {
                _blocking--;
                if (message.IsReadOnly)
                {
                    _blockingReadOnly--;
                }
            }

            if (ExclusiveMessage == message)
            {
                ExclusiveMessage = null;
            }
            else
            {
                _interleaved.Remove(message);
            }

            if (failure is InconsistentStateException && (message.Flags & MessageFlags.Request) != 0)
            {
                _pendingDeactivation ??= new DeactivationReason(DeactivationReasonCode.ApplicationError, "InconsistentStateException escaped a grain method", failure);
            }

            switch (_state)
            {
                case ActivationState.Valid when _pendingDeactivation is { } pending:
                    BeginDeactivationLocked(pending);
                    break;
                case ActivationState.Valid when _deactivateOnIdle && _running == 0:
                    BeginDeactivationLocked(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle"));
                    break;
                case ActivationState.Valid:
                    PumpLocked();
                    break;
                case ActivationState.Deactivating when _running == 0 && !_deactivationPosted:
                    _deactivationPosted = true;
                    Post(s_deactivate, this);
                    break;
            }
        }

        try
        {
            message.Complete(invocation);
        }
        catch (Exception ex)
        {
            Runtime.Log.UnhandledWorkItemException(ex, GrainId);
            message.Fail(ex);
        }
    }

    private void PumpLocked()
    {
        while (_queued > 0)
        {
            Queue<Message>? lane = null;
            for (var p = _lanes.Length - 1; p >= 0; p--)
            {
                if (_lanes[p].Count > 0)
                {
                    lane = _lanes[p];
                    break;
                }
            }

            var next = lane!.Peek();
            if (!MayInvoke(next))
            {
                return;
            }

            lane.Dequeue();
            _queued--;
            StartLocked(next);
            Post(s_runTurn, next);
        }
    }

    private void BeginDeactivationLocked(DeactivationReason reason)
    {
        if (_state != ActivationState.Valid)
        {
            return;
        }

        _state = ActivationState.Deactivating;
        _deactivationReason = reason;
        if (_running == 0 && !_deactivationPosted)
        {
            _deactivationPosted = true;
            Post(s_deactivate, this);
        }
    }

    private async Task ActivateAsync()
    {
        var stopwatch = Runtime.Clock.GetTimestamp();
        try
        {
            t_constructing = this;
            try
            {
                _instance = Class.Create(Runtime.Services, this);
            }
            finally
            {
                t_constructing = null;
            }

            using var cts = new CancellationTokenSource(Runtime.Options.ActivationTimeout, Runtime.Clock);
            foreach (var state in _states)
            {
                await state.ReadStateAsync(cts.Token);
            }

            await _instance.OnActivateAsync(cts.Token);
        }
        catch (Exception ex)
        {
            FailActivation(ex);
            return;
        }

        Class.Stats.RecordActivated();
        Runtime.Log.Activated(GrainId, Runtime.Clock.GetElapsedTime(stopwatch).TotalMilliseconds);
        lock (SyncRoot)
        {
            _state = ActivationState.Valid;
            _lastActivity = Runtime.Clock.GetTimestamp();
            if (_pendingDeactivation is { } pending)
            {
                BeginDeactivationLocked(pending);
            }
            else if (_deactivateOnIdle)
            {
                BeginDeactivationLocked(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle"));
            }
            else
            {
                PumpLocked();
            }
        }
    }

    private void FailActivation(Exception ex)
    {
        List<Message> leftovers;
        List<GrainTimer> timers;
        lock (SyncRoot)
        {
            _state = ActivationState.Invalid;
            leftovers = DrainMailboxLocked();
            timers = [.. _timers];
            _timers.Clear();
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }

        Runtime.RemoveActivation(this);
        Class.Stats.RecordActivationFailed();
        Runtime.Log.ActivationFailed(ex, GrainId);
        foreach (var m in leftovers)
        {
            m.Fail(ex);
        }

        _deactivated.TrySetResult();
    }

    private async Task DeactivateAsync()
    {
        DeactivationReason reason;
        List<GrainTimer> timers;
        lock (SyncRoot)
        {
            reason = _deactivationReason;
            timers = [.. _timers];
            _timers.Clear();
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }

        var timeout = Runtime.Options.DeactivationTimeout;
        try
        {
            using var cts = new CancellationTokenSource(timeout, Runtime.Clock);
            if (_instance is not null)
            {
                await _instance.OnDeactivateAsync(reason, cts.Token).WaitAsync(timeout, Runtime.Clock);
            }

            foreach (var state in _states)
            {
                await state.WhenIdleAsync().WaitAsync(timeout, Runtime.Clock);
            }
        }
        catch (Exception ex)
        {
            Runtime.Log.DeactivationFailed(ex, GrainId);
        }

        try
        {
            switch (_instance)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
        catch (Exception ex)
        {
            Runtime.Log.DeactivationFailed(ex, GrainId);
        }

        List<Message> leftovers;
        lock (SyncRoot)
        {
            _state = ActivationState.Invalid;
            leftovers = DrainMailboxLocked();
            _streamObservers.Clear();
            _streamObserversVersion++;
        }

        Runtime.RemoveActivation(this);
        Class.Stats.RecordDeactivated(reason.ReasonCode == DeactivationReasonCode.ActivationIdle);
        Runtime.Log.Deactivated(GrainId, reason.ToString());
        _deactivated.TrySetResult();
        foreach (var m in leftovers)
        {
            if ((m.Flags & MessageFlags.Redispatch) != 0)
            {
                Runtime.Redispatch(m);
            }
            else
            {
                m.Fail(new ObjectDisposedException(GrainId.ToString(), "The activation was deactivated."));
            }
        }
    }

    private List<Message> DrainMailboxLocked()
    {
        var list = new List<Message>(_queued);
        for (var p = _lanes.Length - 1; p >= 0; p--)
        {
            while (_lanes[p].TryDequeue(out var m))
            {
                list.Add(m);
            }
        }

        _queued = 0;
        return list;
    }
}
