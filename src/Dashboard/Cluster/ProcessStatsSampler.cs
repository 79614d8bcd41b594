using System.Diagnostics;
using TradingBot.Dashboard.Ports.Cluster;

namespace TradingBot.Dashboard.Cluster;

/// <summary>
/// Builds <see cref="ProcessStatsView"/> for the current process, for <see cref="IClusterMetricsSource"/>
/// implementations. CPU is measured between consecutive calls (the first call measures since start),
/// so call it from one place, about once a second.
/// </summary>
public sealed class ProcessStatsSampler
{
    private readonly Lock _gate = new();
    private readonly long _startedTimestamp = Stopwatch.GetTimestamp();
    private TimeSpan _lastCpu;
    private long _lastTimestamp;

    public ProcessStatsSampler()
    {
        using var process = Process.GetCurrentProcess();
        _lastCpu = process.TotalProcessorTime;
        _lastTimestamp = _startedTimestamp;
    }

    public ProcessStatsView Sample()
    {
        using var process = Process.GetCurrentProcess();
        double cpuPercent;
        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            var cpu = process.TotalProcessorTime;
            var wall = Stopwatch.GetElapsedTime(_lastTimestamp, now);
            cpuPercent = wall > TimeSpan.Zero ? (cpu - _lastCpu) / (wall * Environment.ProcessorCount) * 100 : 0;
            _lastCpu = cpu;
            _lastTimestamp = now;
        }

        var uptime = Stopwatch.GetElapsedTime(_startedTimestamp);
        var pausePercent = uptime > TimeSpan.Zero ? GC.GetTotalPauseDuration() / uptime * 100 : 0;
        return new ProcessStatsView(
            Math.Round(Math.Clamp(cpuPercent, 0, 100), 2),
            Environment.WorkingSet,
            GC.GetTotalMemory(forceFullCollection: false),
            Math.Round(Math.Clamp(pausePercent, 0, 100), 3),
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            ThreadPool.PendingWorkItemCount,
            ThreadPool.ThreadCount);
    }
}
