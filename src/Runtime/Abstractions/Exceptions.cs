namespace TradingBot.Runtime;

/// <summary>A call would re-enter a non-reentrant activation that is waiting in the same call chain.</summary>
public sealed class DeadlockException : Exception
{
    public DeadlockException()
    {
    }

    public DeadlockException(string message)
        : base(message)
    {
    }

    public DeadlockException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public DeadlockException(GrainId target, string method, IReadOnlyList<string> callChain)
        : base($"Call to {target}.{method} would deadlock: {target} is waiting in the call chain [{string.Join(" -> ", callChain)}] and is not reentrant for this call.")
    {
        Target = target;
        CallChain = callChain;
    }

    public GrainId Target { get; }

    public IReadOnlyList<string> CallChain { get; } = [];
}

/// <summary>The target activation's mailbox is full; the call was rejected without running.</summary>
public sealed class GrainOverloadedException : Exception
{
    public GrainOverloadedException()
    {
    }

    public GrainOverloadedException(string message)
        : base(message)
    {
    }

    public GrainOverloadedException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public GrainOverloadedException(GrainId grainId, int depth, int capacity)
        : base($"Grain {grainId} is overloaded: {depth} requests queued (capacity {capacity}). The call was rejected.")
    {
        GrainId = grainId;
        Depth = depth;
        Capacity = capacity;
    }

    public GrainId GrainId { get; }

    public int Depth { get; }

    public int Capacity { get; }
}

/// <summary>Optimistic concurrency conflict on a state record. Re-read and re-decide; never blindly re-write.</summary>
public sealed class InconsistentStateException : Exception
{
    public InconsistentStateException()
    {
    }

    public InconsistentStateException(string message)
        : base(message)
    {
    }

    public InconsistentStateException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public InconsistentStateException(string message, string? storedEtag, string? currentEtag)
        : base($"{message} (stored ETag '{storedEtag ?? "<none>"}', current ETag '{currentEtag ?? "<none>"}')")
    {
        StoredEtag = storedEtag;
        CurrentEtag = currentEtag;
    }

    /// <summary>The ETag in the store.</summary>
    public string? StoredEtag { get; }

    /// <summary>The ETag the caller held.</summary>
    public string? CurrentEtag { get; }
}

/// <summary>A grain type or storage/stream provider was not registered, or a contract is invalid.</summary>
public sealed class GrainRuntimeConfigurationException : Exception
{
    public GrainRuntimeConfigurationException()
    {
    }

    public GrainRuntimeConfigurationException(string message)
        : base(message)
    {
    }

    public GrainRuntimeConfigurationException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
