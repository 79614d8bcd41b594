namespace TradingBot.Runtime.Metrics;

/// <summary>Everything the cluster dashboard shows, captured at one instant. Rates are over the last 100 s window.</summary>
public sealed record RuntimeMetricsSnapshot(
    DateTimeOffset Timestamp,
    TimeSpan Uptime,
    int TotalActivations,
    double CallsPerSecond,
    double ErrorsPerSecond,
    double AverageLatencyMs,
    IReadOnlyList<GrainTypeMetrics> GrainTypes,
    IReadOnlyList<MethodMetrics> Methods,
    IReadOnlyList<StorageMetrics> Storage,
    IReadOnlyList<StreamMetrics> Streams,
    long DeadLetters);

/// <summary>Per grain type.</summary>
public sealed record GrainTypeMetrics(
    string GrainType,
    int Activations,
    long ActivationsCreated,
    long ActivationsDestroyed,
    long ActivationFailures,
    long Collections,
    long Calls,
    long Errors,
    double CallsPerSecond,
    double ErrorsPerSecond,
    double AverageLatencyMs,
    double P99LatencyMs,
    int MailboxDepth,
    int MailboxMaxDepth,
    double AverageQueueTimeMs,
    long OverloadRejections,
    long Timeouts);

/// <summary>Per grain type and method, with the 1-second history of call counts (oldest first, 100 slots).</summary>
public sealed record MethodMetrics(
    string GrainType,
    string Method,
    long Calls,
    long Errors,
    double CallsPerSecond,
    double ErrorsPerSecond,
    double AverageLatencyMs,
    double P99LatencyMs,
    IReadOnlyList<long> CallsHistory);

/// <summary>Per storage provider and state name.</summary>
public sealed record StorageMetrics(
    string Provider,
    string StateName,
    long Reads,
    long Writes,
    long Clears,
    long Errors,
    long Conflicts,
    long CoalescedWrites,
    double AverageLatencyMs,
    double MaxLatencyMs);

/// <summary>Per stream provider and namespace. Lag is the number of items accepted but not yet delivered.</summary>
public sealed record StreamMetrics(
    string Provider,
    string Namespace,
    long Published,
    long Delivered,
    long Retries,
    long DeadLetters,
    int Lag,
    int Subscriptions);
