namespace TradingBot.Runtime.Hosting;

/// <summary>Runtime settings (Orleans' messaging, scheduling and collection options in one place).</summary>
public sealed class GrainRuntimeOptions
{
    /// <summary>Caller gets <see cref="TimeoutException"/> after this long (per-method: [ResponseTimeout]).</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often pending calls are checked against their deadline.</summary>
    public TimeSpan ResponseTimeoutScanPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Queued calls per activation before calls fail fast with <see cref="GrainOverloadedException"/>.</summary>
    public int MailboxCapacity { get; set; } = 1000;

    /// <summary>Idle time after which an activation is collected (per type: [CollectionAgeLimit]).</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Limit for state loading plus <c>OnActivateAsync</c> (the token passed to it is cancelled).</summary>
    public TimeSpan ActivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Limit for <c>OnDeactivateAsync</c> plus flushing pending state writes.</summary>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Limit for deactivating everything at shutdown.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Single-threaded, reproducible scheduling driven by the caller (see docs/runtime.md). Use with a
    /// <see cref="Time.ManualTimeProvider"/> for simulated time.
    /// </summary>
    public bool DeterministicMode { get; set; }

    /// <summary>Deterministic mode: maximum nesting of inline (synchronous fast-path) calls.</summary>
    public int MaxInlineDepth { get; set; } = 16;

    /// <summary>Fail a call immediately when it would re-enter a non-reentrant activation waiting in its own call chain.</summary>
    public bool FailFastOnCallCycles { get; set; } = true;
}
