namespace TradingBot.Runtime.Core;

/// <summary>Admission flags of a message.</summary>
[Flags]
internal enum MessageFlags
{
    None = 0,

    /// <summary>Admitted even while a blocking request runs ([AlwaysInterleave], interleaving timers).</summary>
    AlwaysInterleave = 1,

    /// <summary>Interleaves with other ReadOnly requests.</summary>
    ReadOnly = 2,

    /// <summary>Not counted against the mailbox bound (timer ticks, stream deliveries bounded elsewhere).</summary>
    BypassCapacity = 4,

    /// <summary>Counts as activity for idle collection.</summary>
    Activity = 8,

    /// <summary>Goes to a fresh activation if it arrives while this one deactivates.</summary>
    Redispatch = 16,

    /// <summary>A grain call from a caller awaiting the response (subject to the response timeout).</summary>
    Request = 32,
}

/// <summary>
/// Anything that runs as a turn of an activation: a grain call, a timer tick, a stream delivery.
/// A message is also its own call-chain node: <see cref="Caller"/> points at the message whose turn sent it.
/// </summary>
/// <remarks>
/// Messages on the hot paths are reused (a subscription's delivery, pooled call requests in deterministic mode).
/// A message may be reused only when nothing can still reach it: its turn is over, it never ran as an interleaving
/// turn (those flow through an AsyncLocal that any captured ExecutionContext keeps), and every message it sent is
/// itself recycled (a live child walks its Caller chain for deadlock detection). <see cref="IsReusable"/> says so.
/// </remarks>
internal abstract class Message
{
    private volatile bool _completed;
    private int _liveChildren;
    private bool _pinned;

    protected Message(MessageFlags flags, MessagePriority priority, Message? caller)
    {
        Flags = flags;
        Priority = priority;
        Caller = caller;
        caller?.AddChild();
    }

    public MessageFlags Flags { get; }

    public MessagePriority Priority { get; protected set; }

    /// <summary>The message whose turn made this call, if any.</summary>
    public Message? Caller { get; private set; }

    /// <summary>The activation running (or that ran) this message.</summary>
    public Activation? Activation { get; set; }

    /// <summary>Runtime-clock timestamp when the message entered the mailbox.</summary>
    public long EnqueuedAt { get; set; }

    /// <summary>Runtime-clock timestamp after which the caller gets a <see cref="TimeoutException"/>.</summary>
    public long Deadline { get; set; } = long.MaxValue;

    /// <summary>True when this message waited in the mailbox (not admitted on arrival).</summary>
    public bool WasQueued { get; set; }

    public bool IsCompleted => _completed;

    public bool IsAlwaysInterleave => (Flags & MessageFlags.AlwaysInterleave) != 0;

    public bool IsReadOnly => (Flags & MessageFlags.ReadOnly) != 0;

    /// <summary>True when the turn is over and nothing can still reach this message (see the class remarks).</summary>
    public bool IsReusable => _completed && !_pinned && Volatile.Read(ref _liveChildren) == 0;

    public abstract GrainId Target { get; }

    /// <summary>Name used in metrics, errors and call-chain dumps.</summary>
    public abstract string MethodName { get; }

    public void MarkCompleted() => _completed = true;

    /// <summary>This message may be referenced from places reuse cannot see (an interleaving turn, a filter context): never reuse it.</summary>
    public void Pin() => _pinned = true;

    /// <summary>Runs the message inside a turn of <paramref name="activation"/>.</summary>
    public abstract Task InvokeAsync(Activation activation);

    /// <summary>Reports the outcome after the activation did its bookkeeping.</summary>
    public abstract void Complete(Task invocation);

    /// <summary>The message will never run (overload, activation failure, timeout while queued, shutdown).</summary>
    public abstract void Fail(Exception exception);

    /// <summary>The caller stops waiting; the message may still be running.</summary>
    public virtual void TimeOut(TimeoutException exception) => Fail(exception);

    public override string ToString() => $"{Target}.{MethodName}";

    /// <summary>Makes a reusable message new again for its next use (only when <see cref="IsReusable"/>).</summary>
    protected void ResetForReuse(MessagePriority priority, Message? caller)
    {
        _completed = false;
        Priority = priority;
        Caller = caller;
        caller?.AddChild();
        Activation = null;
        EnqueuedAt = 0;
        Deadline = long.MaxValue;
        WasQueued = false;
    }

    /// <summary>A recycled message lets go of its caller, which may then be reused itself.</summary>
    protected void ReleaseCaller()
    {
        Caller?.RemoveChild();
        Caller = null;
        Activation = null;
    }

    // Children are counted atomically: in concurrent mode a chain can be extended from any pool thread, and a
    // message whose count never returns to zero is simply never reused.
    private void AddChild() => Interlocked.Increment(ref _liveChildren);

    private void RemoveChild() => Interlocked.Decrement(ref _liveChildren);
}
