using System.Collections.Concurrent;
using System.Diagnostics;
using TradingBot.Runtime.Core;

namespace TradingBot.Runtime.Metrics;

/// <summary>
/// Runtime statistics for the cluster dashboard. <see cref="Snapshot"/> is cheap (no locks on the call path) and
/// returns immutable records; the same numbers are published as instruments of the meter "TradingBot.Runtime".
/// </summary>
public sealed class RuntimeMetrics
{
    private readonly GrainRuntime _runtime;
    private readonly ConcurrentDictionary<string, GrainTypeStats> _types = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Provider, string State), StorageStats> _storage = new();
    private readonly ConcurrentDictionary<(string Provider, string Namespace), StreamStats> _streams = new();
    private readonly long _startedAt = Stopwatch.GetTimestamp();

    internal RuntimeMetrics(GrainRuntime runtime)
    {
        _runtime = runtime;
        Instruments = new RuntimeInstruments(this);
    }

    internal RuntimeInstruments Instruments { get; }

    /// <summary>Immutable view of all counters now.</summary>
    public RuntimeMetricsSnapshot Snapshot()
    {
        var now = Stopwatch.GetTimestamp();
        var uptime = Stopwatch.GetElapsedTime(_startedAt, now);
        var window = Math.Min(LatencyWindow.Slots, Math.Max(1, uptime.TotalSeconds));
        var depthByType = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var activation in _runtime.ActivationList)
        {
            depthByType[activation.Class.GrainType] = depthByType.GetValueOrDefault(activation.Class.GrainType) + activation.QueueDepth;
        }

        var methods = new List<MethodMetrics>();
        var types = new List<GrainTypeMetrics>();
        double totalCalls = 0, totalErrors = 0, totalLatency = 0;
        foreach (var type in _types.Values.OrderBy(t => t.GrainType, StringComparer.Ordinal))
        {
            long calls = 0, errors = 0;
            double perSecond = 0, errorsPerSecond = 0, weightedLatency = 0, p99 = 0;
            foreach (var method in type.Methods.OrderBy(m => m.Method, StringComparer.Ordinal))
            {
                var summary = method.Window.Summarize(window);
                methods.Add(new MethodMetrics(type.GrainType, method.Method, method.Window.TotalCount, method.Window.TotalErrors,
                    summary.PerSecond, summary.ErrorsPerSecond, summary.AverageMs, summary.P99Ms, summary.History));
                calls += method.Window.TotalCount;
                errors += method.Window.TotalErrors;
                perSecond += summary.PerSecond;
                errorsPerSecond += summary.ErrorsPerSecond;
                weightedLatency += summary.AverageMs * summary.Count;
                p99 = Math.Max(p99, summary.P99Ms);
                totalLatency += summary.AverageMs * summary.Count;
                totalCalls += summary.Count;
                totalErrors += summary.Errors;
            }

            var windowCalls = perSecond * window;
            types.Add(new GrainTypeMetrics(type.GrainType, (int)type.Activations, type.Created, type.Destroyed, type.Failed, type.Collections,
                calls, errors, perSecond, errorsPerSecond, windowCalls <= 0 ? 0 : weightedLatency / windowCalls, p99,
                depthByType.GetValueOrDefault(type.GrainType), type.MaxDepth, type.AverageQueueTimeMs(_runtime.Clock.TimestampFrequency),
                type.Overloads, type.Timeouts));
        }

        var storage = _storage.Values.Select(s => s.Snapshot()).OrderBy(s => s.Provider, StringComparer.Ordinal).ThenBy(s => s.StateName, StringComparer.Ordinal).ToArray();
        var lagByNamespace = new Dictionary<(string, string), (int Lag, int Subscriptions)>();
        foreach (var provider in _runtime.StreamProviders)
        {
            foreach (var (ns, lag, subscriptions) in provider.LagByNamespace())
            {
                lagByNamespace[(provider.Name, ns)] = (lag, subscriptions);
            }
        }

        var streams = _streams.Values
            .Select(s =>
            {
                var (lag, subs) = lagByNamespace.GetValueOrDefault((s.Provider, s.Namespace));
                return new StreamMetrics(s.Provider, s.Namespace, s.Published, s.Delivered, s.Retries, s.DeadLetters, lag, subs);
            })
            .OrderBy(s => s.Provider, StringComparer.Ordinal).ThenBy(s => s.Namespace, StringComparer.Ordinal).ToArray();
        return new RuntimeMetricsSnapshot(
            _runtime.Clock.GetUtcNow(),
            uptime,
            _runtime.ActivationList.Count,
            totalCalls / window,
            totalErrors / window,
            totalCalls == 0 ? 0 : totalLatency / totalCalls,
            types,
            methods,
            storage,
            streams,
            _streams.Values.Sum(s => s.DeadLetters));
    }

    internal GrainTypeStats ForGrainType(string grainType) =>
        _types.GetOrAdd(grainType, static (t, self) => new GrainTypeStats(t, self.Instruments), this);

    internal StorageStats ForStorage(string provider, string stateName) =>
        _storage.GetOrAdd((provider, stateName), static (k, self) => new StorageStats(k.Provider, k.State, self.Instruments), this);

    internal StreamStats ForStream(string provider, string streamNamespace) =>
        _streams.GetOrAdd((provider, streamNamespace), static (k, self) => new StreamStats(k.Provider, k.Namespace, self.Instruments), this);

    internal int TotalActivations() => _runtime.ActivationList.Count;

    internal int TotalMailboxDepth() => _runtime.ActivationList.Sum(a => a.QueueDepth);

    internal int TotalStreamLag() => _runtime.StreamProviders.Sum(p => p.LagByNamespace().Sum(l => l.Lag));
}
