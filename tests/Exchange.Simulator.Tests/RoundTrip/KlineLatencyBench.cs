using System.Diagnostics;
using TradingBot.Exchange.Model;
using TradingBot.Exchange.Model.Events;
using TradingBot.Exchange.Port;
using TradingBot.Exchange.Simulator.Hosting;
using TradingBot.Exchange.Simulator.Tests.Support;
using Xunit.Abstractions;

namespace TradingBot.Exchange.Simulator.Tests.RoundTrip;

/// <summary>
/// Latency figure (printed, not asserted): a 1m kline closes on the simulator → our client's KlineClosed callback, over
/// loopback WebSocket. Run: dotnet test … --filter "FullyQualifiedName~KlineLatencyBench" --logger "console;verbosity=detailed".
/// </summary>
public sealed class KlineLatencyBench(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Bench")]
    public async Task Kline_close_to_client_callback_latency_over_loopback()
    {
        await using var h = await ClientHarness.StartAsync();
        TaskCompletionSource<long>? pending = null;
        await using var market = await h.Client.SubscribeMarketAsync(
            new MarketSubscription(["BTCUSDT"], [KlineInterval.OneMinute], IncludeMarkPrice: false),
            (e, _) =>
            {
                if (e is KlineClosed { IsBackfill: false })
                {
                    pending?.TrySetResult(Stopwatch.GetTimestamp());
                }

                return ValueTask.CompletedTask;
            });
        await h.WaitForSubscribersAsync("market");

        const int warmup = 20;
        const int samples = 300;
        var micros = new List<double>();
        for (var i = 0; i < warmup + samples; i++)
        {
            pending = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            var bar = SimulatorFixture.Flat(SimulatorFixture.MarketStart.AddMinutes(1 + i), 50_000m + i);
            var sent = Stopwatch.GetTimestamp();
            h.Sim.PushCandle("BTCUSDT", bar);
            var received = await pending.Task.WaitAsync(TimeSpan.FromSeconds(10));
            if (i >= warmup)
            {
                micros.Add(Stopwatch.GetElapsedTime(sent, received).TotalMicroseconds);
            }
        }

        micros.Sort();
        double Percentile(double p) => micros[(int)Math.Min(micros.Count - 1, Math.Ceiling(p * micros.Count) - 1)];
        var line = $"kline close -> client callback over loopback ({samples} bars): p50 {Percentile(0.50):F0} us, p99 {Percentile(0.99):F0} us, max {micros[^1]:F0} us";
        output.WriteLine(line);
        Console.WriteLine(line);
        micros.Should().HaveCount(samples);
    }

    [SharedDataFact]
    [Trait("Category", "Bench")]
    public void Replay_throughput_on_real_1m_data()
    {
        var started = Stopwatch.GetTimestamp();
        var venue = SimulatorHost.BuildVenue(new SimulatorOptions
        {
            DataPaths = [SharedData.Data("BTCUSDT-1m-futures-20250505-20250623.csv.gz"), SharedData.Data("ETHUSDT-1m-futures-20250505-20250623.csv.gz")],
            Speed = 0,
        });
        var loaded = Stopwatch.GetElapsedTime(started);
        started = Stopwatch.GetTimestamp();
        venue.AdvanceMarketTo(new DateTimeOffset(2025, 6, 24, 0, 0, 0, TimeSpan.Zero));
        var replayed = Stopwatch.GetElapsedTime(started);
        var line = $"replay of 2 x 72000 real 1m bars (4 path points each, engine + stream checks): load {loaded.TotalMilliseconds:F0} ms, replay {replayed.TotalMilliseconds:F0} ms ({144_000 / replayed.TotalSeconds:F0} bars/s)";
        output.WriteLine(line);
        Console.WriteLine(line);
        venue.ReplayFinished.Should().BeTrue();
    }
}
