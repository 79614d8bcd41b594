using System.Diagnostics;
using Microsoft.Extensions.Options;
using TradingBot.Dashboard.Cluster;
using TradingBot.Dashboard.Ports.Cluster;
using TradingBot.Runtime.Core;
using TradingBot.Runtime.Hosting;
using TradingBot.Runtime.Metrics;
using TradingBot.Runtime.Streams;

namespace TradingBot.Silo.Dashboard;

/// <summary>
/// The cluster page over the grain runtime: <see cref="RuntimeMetrics.Snapshot"/> for grain types,
/// methods, storage and streams; the live activations for mailboxes; the runtime's dead-letter store;
/// the in-process log ring buffer and the process sampler. Stream rates are measured between two
/// polls because the runtime keeps totals only.
/// </summary>
internal sealed class ClusterMetricsSource(
    GrainRuntime runtime,
    IOptions<GrainRuntimeOptions> runtimeOptions,
    DashboardLogBuffer logs,
    ProcessStatsSampler process) : IClusterMetricsSource
{
    /// <summary>Mailboxes shown: the deepest ones.</summary>
    public const int MailboxRows = 20;

    /// <summary>How far back a dead letter is searched by id.</summary>
    public const int DeadLetterSearch = 1000;

    private readonly Lock _gate = new();
    private Dictionary<string, (long Published, long Delivered)> _previous = new(StringComparer.Ordinal);
    private long _previousAt;

    public ValueTask<ClusterSnapshotView> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        var metrics = runtime.Metrics.Snapshot();
        var grainTypes = metrics.GrainTypes
            .Select(t => new GrainTypeStatsView(t.GrainType, t.Activations, t.CallsPerSecond, t.ErrorsPerSecond, t.AverageLatencyMs, t.P99LatencyMs,
                t.MailboxDepth, t.MailboxMaxDepth, t.OverloadRejections, t.Timeouts))
            .ToList();
        var methods = metrics.Methods
            .Select(m => new MethodStatsView(m.GrainType, m.Method, m.CallsPerSecond, m.ErrorsPerSecond, m.AverageLatencyMs, m.P99LatencyMs))
            .ToList();
        var capacity = runtimeOptions.Value.MailboxCapacity;
        var mailboxes = runtime.GetActivations()
            .OrderByDescending(a => a.QueueDepth).ThenBy(a => a.GrainId.ToString(), StringComparer.Ordinal)
            .Take(MailboxRows)
            .Select(a => new MailboxView(a.GrainId.Type, a.GrainId.Key, a.QueueDepth, capacity, 0))
            .ToList();
        var storage = metrics.Storage
            .Select(s => new StorageStatsView(s.StateName, s.AverageLatencyMs, s.AverageLatencyMs, s.Reads, s.Writes, s.Errors, s.Conflicts))
            .ToList();
        return ValueTask.FromResult(new ClusterSnapshotView(
            metrics.Timestamp,
            metrics.Uptime.TotalSeconds,
            metrics.TotalActivations,
            metrics.CallsPerSecond,
            metrics.ErrorsPerSecond,
            metrics.AverageLatencyMs,
            grainTypes,
            methods,
            mailboxes,
            Streams(metrics.Streams),
            storage,
            process.Sample()));
    }

    public async ValueTask<IReadOnlyList<DeadLetterSummaryView>> GetDeadLettersAsync(int limit, CancellationToken cancellationToken)
    {
        var letters = await runtime.DeadLetters.ReadRecentAsync(Math.Clamp(limit, 1, DeadLetterSearch));
        return [.. letters.Select(Summary)];
    }

    public async ValueTask<DeadLetterView?> GetDeadLetterAsync(string id, CancellationToken cancellationToken)
    {
        var letters = await runtime.DeadLetters.ReadRecentAsync(DeadLetterSearch);
        var letter = letters.FirstOrDefault(l => string.Equals(Id(l), id, StringComparison.Ordinal));
        return letter is null ? null : new DeadLetterView(Summary(letter), letter.PayloadJson, letter.Error);
    }

    public ValueTask<LogTailView> GetLogTailAsync(long afterSequence, int limit, CancellationToken cancellationToken) =>
        ValueTask.FromResult(logs.Read(afterSequence, limit));

    /// <summary>Stable id: the subscription and the item's sequence number identify a dead letter.</summary>
    public static string Id(DeadLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        return $"{letter.SubscriptionId:N}-{letter.SequenceNumber}";
    }

    private static DeadLetterSummaryView Summary(DeadLetter letter) =>
        new(Id(letter), letter.FailedAt, $"{letter.StreamNamespace}/{letter.StreamKey} → {letter.Subscriber}", letter.PayloadType, FirstLine(letter.Error), letter.Attempts);

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }

    private List<StreamStatsView> Streams(IReadOnlyList<StreamMetrics> streams)
    {
        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            var seconds = _previousAt == 0 ? 0 : Stopwatch.GetElapsedTime(_previousAt, now).TotalSeconds;
            var rows = new List<StreamStatsView>(streams.Count);
            var current = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
            foreach (var s in streams)
            {
                var key = $"{s.Provider}/{s.Namespace}";
                current[key] = (s.Published, s.Delivered);
                var (published, delivered) = _previous.TryGetValue(key, out var before) ? before : (s.Published, s.Delivered);
                rows.Add(new StreamStatsView(
                    s.Namespace,
                    s.Subscriptions == 1 ? "1 subscription" : $"{s.Subscriptions} subscriptions",
                    seconds > 0 ? (s.Published - published) / seconds : 0,
                    seconds > 0 ? (s.Delivered - delivered) / seconds : 0,
                    s.Lag,
                    s.Retries,
                    s.DeadLetters));
            }

            _previous = current;
            _previousAt = now;
            return rows;
        }
    }
}
