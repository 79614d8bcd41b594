namespace TradingBot.Dashboard.Ports.Cluster;

/// <summary>
/// Grain-health data for the cluster page (grain-model-and-style.md §1.10, §4(c)). The integrator
/// implements it over the runtime's call filter, mailboxes, streams, storage and a log ring buffer.
/// </summary>
public interface IClusterMetricsSource
{
    /// <summary>All tables of the cluster page at once.</summary>
    ValueTask<ClusterSnapshotView> GetSnapshotAsync(CancellationToken cancellationToken);

    /// <summary>The newest dead letters, newest first, at most <paramref name="limit"/>.</summary>
    ValueTask<IReadOnlyList<DeadLetterSummaryView>> GetDeadLettersAsync(int limit, CancellationToken cancellationToken);

    /// <summary>One dead letter with payload; null when unknown.</summary>
    ValueTask<DeadLetterView?> GetDeadLetterAsync(string id, CancellationToken cancellationToken);

    /// <summary>Log lines with a sequence greater than <paramref name="afterSequence"/>, oldest first, at most <paramref name="limit"/>.</summary>
    ValueTask<LogTailView> GetLogTailAsync(long afterSequence, int limit, CancellationToken cancellationToken);
}
