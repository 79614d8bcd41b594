namespace TradingBot.Dashboard.Ports.Cluster;

/// <summary>Per grain type figures over the metrics window (grain-model-and-style.md §4(c)).</summary>
/// <param name="GrainType">Grain class name.</param>
/// <param name="Activations">Activations now.</param>
/// <param name="CallsPerSecond">Calls per second over the window.</param>
/// <param name="ErrorsPerSecond">Calls that threw, per second.</param>
/// <param name="AverageLatencyMs">Mean call duration.</param>
/// <param name="P99LatencyMs">99th percentile call duration.</param>
/// <param name="MailboxDepth">Queued calls now, summed over activations.</param>
/// <param name="MailboxMaxDepth">Deepest queue seen in the window.</param>
/// <param name="Rejected">Calls rejected by a full mailbox since start.</param>
/// <param name="Timeouts">Calls that timed out since start.</param>
public sealed record GrainTypeStatsView(
    string GrainType,
    int Activations,
    double CallsPerSecond,
    double ErrorsPerSecond,
    double AverageLatencyMs,
    double P99LatencyMs,
    int MailboxDepth,
    int MailboxMaxDepth,
    long Rejected,
    long Timeouts);

/// <summary>Per (grain type, method) figures over the metrics window.</summary>
public sealed record MethodStatsView(
    string GrainType,
    string Method,
    double CallsPerSecond,
    double ErrorsPerSecond,
    double AverageLatencyMs,
    double P99LatencyMs);

/// <summary>One activation's mailbox.</summary>
/// <param name="GrainType">Grain class name.</param>
/// <param name="Key">Grain key.</param>
/// <param name="Depth">Queued messages now.</param>
/// <param name="Capacity">Mailbox bound.</param>
/// <param name="OldestWaitMs">How long the oldest queued message has waited.</param>
public sealed record MailboxView(string GrainType, string Key, int Depth, int Capacity, double OldestWaitMs);

/// <summary>One stream subscription.</summary>
/// <param name="Stream">Stream namespace/key, e.g. indicators/BTCUSDT.</param>
/// <param name="Subscriber">Subscribing grain.</param>
/// <param name="PublishedPerSecond">Events published per second.</param>
/// <param name="DeliveredPerSecond">Events delivered per second to this subscriber.</param>
/// <param name="Lag">Published but not yet delivered to this subscriber.</param>
/// <param name="Retries">Delivery retries since start.</param>
/// <param name="DeadLetters">Events given up on since start.</param>
public sealed record StreamStatsView(
    string Stream,
    string Subscriber,
    double PublishedPerSecond,
    double DeliveredPerSecond,
    long Lag,
    long Retries,
    long DeadLetters);

/// <summary>Grain state storage figures per state name.</summary>
public sealed record StorageStatsView(
    string StateName,
    double ReadLatencyMs,
    double WriteLatencyMs,
    long Reads,
    long Writes,
    long Errors,
    long InconsistentState);

/// <summary>The silo process.</summary>
/// <param name="CpuPercent">CPU use of the process as a share of all cores, 0..100.</param>
/// <param name="WorkingSetBytes">Resident memory.</param>
/// <param name="GcHeapBytes">Bytes currently allocated on the managed heap.</param>
/// <param name="GcPausePercent">Share of time paused for GC.</param>
/// <param name="Gen0Collections">Gen 0 collections since start.</param>
/// <param name="Gen1Collections">Gen 1 collections since start.</param>
/// <param name="Gen2Collections">Gen 2 collections since start.</param>
/// <param name="ThreadPoolQueueLength">Pending thread-pool work items.</param>
/// <param name="ThreadCount">Thread-pool threads.</param>
public sealed record ProcessStatsView(
    double CpuPercent,
    long WorkingSetBytes,
    long GcHeapBytes,
    double GcPausePercent,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    long ThreadPoolQueueLength,
    int ThreadCount);

/// <summary>Everything the cluster page polls each second.</summary>
/// <param name="At">UTC time of the snapshot.</param>
/// <param name="UptimeSeconds">Seconds since the silo started.</param>
/// <param name="TotalActivations">Activations over all types.</param>
/// <param name="CallsPerSecond">All calls per second.</param>
/// <param name="ErrorsPerSecond">All failing calls per second.</param>
/// <param name="AverageLatencyMs">Mean call duration over all calls.</param>
/// <param name="GrainTypes">Per grain type rows.</param>
/// <param name="Methods">Per method rows.</param>
/// <param name="Mailboxes">Non-empty or notable mailboxes.</param>
/// <param name="Streams">Per subscription rows.</param>
/// <param name="Storage">Per state name rows.</param>
/// <param name="Process">Process figures.</param>
public sealed record ClusterSnapshotView(
    DateTimeOffset At,
    double UptimeSeconds,
    int TotalActivations,
    double CallsPerSecond,
    double ErrorsPerSecond,
    double AverageLatencyMs,
    IReadOnlyList<GrainTypeStatsView> GrainTypes,
    IReadOnlyList<MethodStatsView> Methods,
    IReadOnlyList<MailboxView> Mailboxes,
    IReadOnlyList<StreamStatsView> Streams,
    IReadOnlyList<StorageStatsView> Storage,
    ProcessStatsView Process);
