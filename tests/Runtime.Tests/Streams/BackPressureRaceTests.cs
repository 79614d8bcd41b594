using System.Globalization;
using TradingBot.Runtime.Streams;
using TradingBot.Runtime.Tests.Grains;
using TradingBot.Runtime.Tests.Support;

namespace TradingBot.Runtime.Tests.Streams;

/// <summary>
/// A consumer reads the stream's waiting-producer count without the stream lock; a producer that starts waiting
/// just as the consumer makes room must still be admitted (no lost wake-up). Many producers on a queue of one make
/// that race frequent; the watchdog only turns a hang into a failure.
/// </summary>
public sealed class BackPressureRaceTests
{
    private static readonly TimeSpan s_watchdog = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Producers_racing_a_consumer_on_a_queue_of_one_all_get_through_in_order()
    {
        const int Producers = 4;
        const int Items = 150;
        var (cluster, probe) = await Clusters.StartAsync(configure: b => b.AddMemoryStreams("tight", o =>
        {
            o.SubscriptionQueueCapacity = 1;
            o.RetryDelay = TimeSpan.Zero;
        }));
        await using var _ = cluster;
        var key = Clusters.NewKey();
        var stream = cluster.Client.GetStreamProvider("tight").GetStream<Tick>(StreamId.Create("ticks", key));
        var lastOfEach = Enumerable.Range(1, Producers).Select(p => probe.Signal($"tick:{key}:{(p * 1000) + Items}")).ToArray();

        var producers = Enumerable.Range(1, Producers).Select(p => Task.Run(async () =>
        {
            for (var i = 1; i <= Items; i++)
            {
                await stream.OnNextAsync(new Tick((p * 1000) + i));
            }
        }));

        await Task.WhenAll(producers).WaitAsync(s_watchdog);
        await Task.WhenAll(lastOfEach).WaitAsync(s_watchdog);
        var values = probe.Log.Where(e => e.StartsWith(key + ":", StringComparison.Ordinal))
            .Select(e => int.Parse(e.Split(':')[1], CultureInfo.InvariantCulture))
            .ToArray();
        values.Should().HaveCount(Producers * Items);
        for (var p = 1; p <= Producers; p++)
        {
            var producer = p;
            values.Where(v => v / 1000 == producer).Should().Equal(Enumerable.Range(1, Items).Select(i => (producer * 1000) + i));
        }
    }
}
