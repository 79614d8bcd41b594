using TradingBot.Dashboard.Ports.Cluster;

namespace TradingBot.Dashboard.Tests.Fakes;

/// <summary>Fixed grain-health figures, three dead letters and a growing log.</summary>
public sealed class FakeClusterMetrics : IClusterMetricsSource
{
    private readonly Lock _gate = new();
    private readonly List<LogLineView> _lines = [];

    public FakeClusterMetrics()
    {
        for (var i = 0; i < 5; i++)
        {
            AddLog("Information", "TradingBot.Grains.SymbolGrain", $"candle closed BTCUSDT 1m #{i}");
        }
    }

    public IReadOnlyList<DeadLetterView> DeadLetters { get; } =
    [
        new(new("dl-1", FakeTradingSource.Epoch, "stream signals", "SignalGenerated", "handler timeout 30 s", 3), "{\"strategy\":\"B\",\"symbol\":\"ETHUSDT\"}", "TimeoutException: handler exceeded 30 s"),
        new(new("dl-2", FakeTradingSource.Epoch.AddMinutes(-5), "grain OrderGrain/account", "ApprovedOrder", "exception", 3), "{\"clientId\":\"A-1\"}", "InvalidOperationException: rejected"),
        new(new("dl-3", FakeTradingSource.Epoch.AddMinutes(-9), "stream positions", "PositionChanged", "mailbox full", 1), "{\"symbol\":\"BTCUSDT\"}", null),
    ];

    public void AddLog(string level, string category, string message)
    {
        lock (_gate)
        {
            _lines.Add(new LogLineView(_lines.Count + 1, FakeTradingSource.Epoch.AddSeconds(_lines.Count), level, category, message));
        }
    }

    public ValueTask<ClusterSnapshotView> GetSnapshotAsync(CancellationToken cancellationToken) => ValueTask.FromResult(new ClusterSnapshotView(
        FakeTradingSource.Epoch,
        3_600,
        9,
        152.5,
        0.3,
        0.42,
        [
            new("SymbolGrain", 2, 120.0, 0, 0.21, 1.9, 0, 3, 0, 0),
            new("StrategyGrain", 3, 24.0, 0.1, 0.35, 2.4, 1, 4, 0, 0),
            new("RiskGrain", 1, 4.5, 0.2, 0.8, 4.2, 0, 1, 0, 1),
            new("OrderGrain", 1, 2.0, 0, 12.5, 85.0, 0, 2, 0, 0),
            new("PositionGrain", 2, 2.0, 0, 0.5, 3.0, 0, 1, 0, 0),
        ],
        [
            new("SymbolGrain", "OnCandle", 118.0, 0, 0.2, 1.8),
            new("StrategyGrain", "OnIndicators", 24.0, 0.1, 0.35, 2.4),
            new("RiskGrain", "Approve", 4.5, 0.2, 0.8, 4.2),
            new("OrderGrain", "Submit", 2.0, 0, 12.5, 85.0),
        ],
        [new("StrategyGrain", "B", 1, 1000, 3.5)],
        [
            new("indicators/BTCUSDT", "StrategyGrain/A", 1.0, 1.0, 0, 0, 0),
            new("signals", "RiskGrain/account", 0.1, 0.1, 2, 1, 1),
        ],
        [
            new("position", 0.4, 1.8, 12, 340, 0, 0),
            new("risk", 0.3, 1.5, 3, 57, 1, 0),
        ],
        new ProcessStatsView(3.2, 182_000_000, 61_000_000, 0.4, 120, 12, 2, 0, 9)));

    public ValueTask<IReadOnlyList<DeadLetterSummaryView>> GetDeadLettersAsync(int limit, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<DeadLetterSummaryView>>([.. DeadLetters.Select(d => d.Summary).Take(limit)]);

    public ValueTask<DeadLetterView?> GetDeadLetterAsync(string id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(DeadLetters.FirstOrDefault(d => d.Summary.Id == id));

    public ValueTask<LogTailView> GetLogTailAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var lines = _lines.Where(l => l.Sequence > afterSequence).Take(limit).ToArray();
            return ValueTask.FromResult(new LogTailView(lines.Length == 0 ? afterSequence : lines[^1].Sequence, lines));
        }
    }
}
