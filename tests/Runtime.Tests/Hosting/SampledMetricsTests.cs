using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TradingBot.Runtime.Metrics;
using TradingBot.Runtime.Streams;
using TradingBot.Runtime.Tests.Grains;
using TradingBot.Runtime.Tests.Support;

namespace TradingBot.Runtime.Tests.Hosting;

/// <summary>Per-call metrics stay exact in counts while latency timing is sampled on busy methods.</summary>
public sealed class SampledMetricsTests
{
    [Fact]
    public void Every_call_is_counted_and_timing_is_sampled_above_the_threshold()
    {
        long milliseconds = 5_000;
        var window = new LatencyWindow(() => milliseconds);
        var timed = new List<long>();

        for (var i = 0; i < 200; i++)
        {
            var shouldTime = window.ShouldTime();
            shouldTime.Should().Be(i < LatencyWindow.TimeEveryCallBelow || i % LatencyWindow.SampleEvery == 0, $"call {i}");
            var ticks = shouldTime ? (i + 1) * 1000L : -1;
            if (shouldTime)
            {
                timed.Add(ticks);
            }

            window.Record(ticks, failed: i % 50 == 0);
        }

        var summary = window.Summarize(1);
        summary.Count.Should().Be(200);
        summary.Errors.Should().Be(4);
        window.TotalCount.Should().Be(200);
        window.TotalErrors.Should().Be(4);
        summary.History[^1].Should().Be(200);
        timed.Should().HaveCount(Enumerable.Range(0, 200).Count(i => i < LatencyWindow.TimeEveryCallBelow || i % LatencyWindow.SampleEvery == 0));
        summary.AverageMs.Should().BeApproximately(timed.Average() * 1000.0 / Stopwatch.Frequency, 1e-9, "the average is over timed calls only");
        var slowestMs = timed.Max() * 1000.0 / Stopwatch.Frequency;
        summary.P99Ms.Should().BeInRange(slowestMs * 0.8, slowestMs * 1.25);

        milliseconds += 1000;
        window.ShouldTime().Should().BeTrue("a new second starts by timing every call");
    }

    [Fact]
    public async Task Deterministic_calls_and_deliveries_are_all_counted()
    {
        var spy = new MessageSpy();
        var (cluster, _) = await Clusters.StartAsync(deterministic: true, services: s => s.AddSingleton(spy));
        await using var __ = cluster;
        var grain = cluster.Client.GetGrain<IMessageSpyGrain>(Clusters.NewKey());
        var stream = cluster.Client.GetStreamProvider("mem").GetStream<Tick>(StreamId.Create("spyticks", Clusters.NewKey()));

        for (var i = 0; i < 300; i++)
        {
            await grain.Echo("e", i);
            await stream.OnNextAsync(new Tick(i));
        }

        var snapshot = cluster.Runtime.Metrics.Snapshot();
        var echo = snapshot.Methods.Single(m => m.GrainType == "messagespy" && m.Method == "Echo");
        echo.Calls.Should().Be(600, "300 host calls plus one call per delivered item");
        echo.CallsHistory.Sum().Should().Be(600);
        echo.AverageLatencyMs.Should().BeGreaterThan(0);
        echo.P99LatencyMs.Should().BeGreaterThan(0);
        var ticks = snapshot.Streams.Single(s => s.Provider == "mem" && s.Namespace == "spyticks");
        ticks.Published.Should().Be(300);
        ticks.Delivered.Should().Be(300);
    }
}
