using System.Collections.Concurrent;
using TradingBot.Dashboard.Ports;
using TradingBot.Dashboard.Ports.Control;

namespace TradingBot.Dashboard.Tests.Fakes;

/// <summary>Control over <see cref="FakeTradingSource"/>: close-all empties it, toggles flip its flags; every call is recorded.</summary>
public sealed class FakeBotControl(FakeTradingSource source, IDashboardNotifier notifier) : IBotControl
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, decimal> _values = new(StringComparer.Ordinal)
    {
        ["stopLossTolerancePercent"] = 0.2m,
        ["takeProfitAdjustmentPercent"] = 0m,
        ["leverage"] = 5m,
        ["riskPerTradePercent"] = 2m,
        ["dailyLossLimitPercent"] = 6m,
    };

    public ConcurrentQueue<string> Calls { get; } = new();

    /// <summary>When set, the next call throws it (to test error handling).</summary>
    public Exception? ThrowNext { get; set; }

    public IReadOnlyDictionary<string, decimal> Values
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, decimal>(_values, StringComparer.Ordinal);
            }
        }
    }

    public ValueTask<ControlResult> StartAsync(CancellationToken cancellationToken)
    {
        Record("start");
        if (source.Running)
        {
            return ValueTask.FromResult(ControlResult.Refused("already running"));
        }

        source.Running = true;
        notifier.StatusChanged(source.Status);
        return ValueTask.FromResult(ControlResult.Done("started"));
    }

    public ValueTask<ControlResult> StopAsync(CancellationToken cancellationToken)
    {
        Record("stop");
        source.Running = false;
        notifier.StatusChanged(source.Status);
        return ValueTask.FromResult(ControlResult.Done("stopped"));
    }

    public ValueTask<ControlResult> CloseAllPositionsAsync(CancellationToken cancellationToken)
    {
        Record("close-all");
        var closed = source.Positions.Count;
        source.ClearPositions();
        source.EntriesAllowed = false;
        notifier.PositionsChanged(source.Positions);
        notifier.StatusChanged(source.Status);
        return ValueTask.FromResult(ControlResult.Done($"closed {closed} position(s); entries blocked"));
    }

    public ValueTask<ControlResult> SetEntriesAllowedAsync(bool allowed, CancellationToken cancellationToken)
    {
        Record($"entries {allowed}");
        source.EntriesAllowed = allowed;
        notifier.StatusChanged(source.Status);
        return ValueTask.FromResult(ControlResult.Done(allowed ? "entries allowed" : "entries blocked"));
    }

    public ValueTask<ControlResult> SetStrategyEnabledAsync(string strategy, bool enabled, CancellationToken cancellationToken)
    {
        Record($"strategy {strategy} {enabled}");
        source.SetStrategyEnabled(strategy, enabled);
        notifier.StatusChanged(source.Status);
        notifier.Changed(DashboardTopic.Strategies);
        return ValueTask.FromResult(ControlResult.Done($"strategy {strategy} {(enabled ? "enabled" : "disabled")}"));
    }

    public ValueTask<ParameterSetView> GetParametersAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Parameters());

    public ValueTask<ParameterUpdateResult> SetOperationalParametersAsync(IReadOnlyDictionary<string, decimal> values, CancellationToken cancellationToken)
    {
        Record("parameters " + string.Join(",", values.Select(v => $"{v.Key}={v.Value}")));
        // A cross-field rule only the bot knows: risk per trade may not exceed the daily loss limit.
        var merged = new Dictionary<string, decimal>(Values, StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            merged[key] = value;
        }

        if (merged["riskPerTradePercent"] > merged["dailyLossLimitPercent"])
        {
            return ValueTask.FromResult(new ParameterUpdateResult(
                [new ParameterValidationError("riskPerTradePercent", "riskPerTradePercent must not exceed dailyLossLimitPercent", 0.1m, merged["dailyLossLimitPercent"])],
                Parameters()));
        }

        lock (_gate)
        {
            foreach (var (key, value) in values)
            {
                _values[key] = value;
            }
        }

        return ValueTask.FromResult(new ParameterUpdateResult([], Parameters()));
    }

    private ParameterSetView Parameters()
    {
        var v = Values;
        return new ParameterSetView(
            [
                new("stopLossTolerancePercent", "Stop-loss tolerance", v["stopLossTolerancePercent"], 0.1m, 0.3m, 0.01m, "%", "Buffer beyond the swing point or zone edge."),
                new("takeProfitAdjustmentPercent", "Take-profit adjustment", v["takeProfitAdjustmentPercent"], -0.5m, 0.5m, 0.05m, "%", "Shifts the take-profit level toward or away from entry."),
                new("leverage", "Leverage", v["leverage"], 1m, 20m, 1m, "x", "Leverage for new positions."),
                new("riskPerTradePercent", "Risk per trade", v["riskPerTradePercent"], 0.1m, 5m, 0.1m, "%", "Share of equity risked between entry and stop."),
                new("dailyLossLimitPercent", "Daily loss limit", v["dailyLossLimitPercent"], 1m, 20m, 0.5m, "%", "Entries stop when today's loss reaches this share of equity."),
            ],
            [
                new("strategies", "Strategies", "A, B, C"),
                new("symbols", "Symbols", "BTCUSDT, ETHUSDT"),
                new("timeframes", "Timeframes", "1m, 15m, 1h"),
            ]);
    }

    private void Record(string call)
    {
        Calls.Enqueue(call);
        if (ThrowNext is { } exception)
        {
            ThrowNext = null;
            throw exception;
        }
    }
}
