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
internal abstract class Message
{
    private volatile bool _completed;

    protected Message(MessageFlags flags, MessagePriority priority, Message? caller)
    {
        Flags = flags;
        Priority = priority;
        Caller = caller;
    }

    public MessageFlags Flags { get; }

    public MessagePriority Priority { get; }

    /// <summary>The message whose turn made this call, if any.</summary>
    public Message? Caller { get; }

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

    public abstract GrainId Target { get; }

    /// <summary>Name used in metrics, errors and call-chain dumps.</summary>
    public abstract string MethodName { get; }

    public void MarkCompleted() => _completed = true;

    /// <summary>Runs the message inside a turn of <paramref name="activation"/>.</summary>
    public abstract Task InvokeAsync(Activation activation);

    /// <summary>Reports the outcome after the activation did its bookkeeping.</summary>
    public abstract void Complete(Task invocation);

    /// <summary>The message will never run (overload, activation failure, timeout while queued, shutdown).</summary>
    public abstract void Fail(Exception exception);

    /// <summary>The caller stops waiting; the message may still be running.</summary>
    public virtual void TimeOut(TimeoutException exception) => Fail(exception);

    public override string ToString() => $"{Target}.{MethodName}";
}
