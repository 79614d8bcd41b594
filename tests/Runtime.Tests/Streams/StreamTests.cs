using Microsoft.Extensions.DependencyInjection;
using TradingBot.Runtime.Streams;
using TradingBot.Runtime.Tests.Grains;
using TradingBot.Runtime.Tests.Support;

namespace TradingBot.Runtime.Tests.Streams;

public sealed class StreamTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Per_subscription_delivery_is_ordered_with_one_item_in_flight_and_rising_sequence_numbers()
    {
        var (cluster, probe) = await Clusters.StartAsync();
        await using var _ = cluster;
        var key = Clusters.NewKey();
        var stream = cluster.Client.GetStreamProvider("mem").GetStream<Tick>(StreamId.Create("ticks", key));
        var done = probe.Signal($"tick:{key}:200");

        for (var i = 1; i <= 200; i++)
        {
            await stream.OnNextAsync(new Tick(i));
        }

        await done.WaitAsync(s_wait);
        var entries = probe.Log.Where(e => e.StartsWith(key, StringComparison.Ordinal)).Select(e => e.Split(':')).ToArray();
        entries.Select(e => int.Parse(e[1], System.Globalization.CultureInfo.InvariantCulture)).Should().Equal(Enumerable.Range(1, 200));
        entries.Select(e => long.Parse(e[2], System.Globalization.CultureInfo.InvariantCulture)).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        (await cluster.Client.GetGrain<ITickConsumerGrain>(key).MaxConcurrency()).Should().Be(1);
        probe.Activations(key).Should().Be(1, "the first delivery activated the implicit subscriber");
    }

    [Fact]
    public async Task Subscription_keeps_one_item_in_flight_even_for_a_reentrant_consumer()
    {
        var (cluster, probe) = await Clusters.StartAsync();
        await using var _ = cluster;
        var key = Clusters.NewKey();
        var stream = cluster.Client.GetStreamProvider("mem").GetStream<Tick>(StreamId.Create("rticks", key));
        var done = probe.Signal($"r:{key}:100");

        for (var i = 1; i <= 100; i++)
        {
            await stream.OnNextAsync(new Tick(i));
        }

        await done.WaitAsync(s_wait);
        probe.Log.Should().Equal(Enumerable.Range(1, 100).Select(i => $"r:{i}"));
        (await cluster.Client.GetGrain<IReentrantTickSinkGrain>(key).MaxConcurrency()).Should().Be(1);
    }

    [Fact]
    public async Task Implicit_subscription_with_the_grain_as_observer_activates_the_grain()
    {
        var (cluster, probe) = await Clusters.StartAsync();
        await using var _ = cluster;
        var key = Clusters.NewKey();
        var received = probe.Signal($"simple:{key}:7");

        await cluster.Client.GetStreamProvider("mem").GetStream<Tick>(StreamId.Create("simple", key)).OnNextAsync(new Tick(7));

        await received.WaitAsync(s_wait);
        cluster.TryGetGrainContext(new GrainId("simplesink", key), out var context).Should().BeTrue();
        context.Status.Should().Be("Valid");
    }

    [Fact]
    public async Task Full_subscription_queue_makes_the_producer_wait_until_the_consumer_catches_up()
    {
        var (cluster, probe) = await Clusters.StartAsync(configure: b => b.AddMemoryStreams("bp", o => o.SubscriptionQueueCapacity = 2));
        await using var _ = cluster;
        var key = Clusters.NewKey();
        var stream = cluster.Client.GetStreamProvider("bp").GetStream<Tick>(StreamId.Create("ticks", key));

        await stream.OnNextAsync(new Tick(1, Gate: "g1"));
        await stream.OnNextAsync(new Tick(2));
        var third = stream.OnNextAsync(new Tick(3));
        third.IsCompleted.Should().BeFalse("both slots are taken while the consumer is blocked on item 1");

        var last = probe.Signal($"tick:{key}:3");
        probe.Open("g1");
        await third.WaitAsync(s_wait);
        await last.WaitAsync(s_wait);
    }

    [Fact]
    public async Task Item_that_exhausts_its_retries_is_dead_lettered_in_sqlite_raised_and_skipped()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tb-dead-{Guid.NewGuid():N}.db");
        var sink = new RecordingSink();
        try
        {
            var (cluster, probe) = await Clusters.StartAsync(
                configure: b => b.AddMemoryStreams("dl", o =>
                {
                    o.MaxDeliveryAttempts = 3;
                    o.RetryDelay = TimeSpan.Zero;
                }).AddSqliteDeadLetters(path),
                services: s => s.AddSingleton<IDeadLetterSink>(sink));
            await using (cluster)
            {
                var key = Clusters.NewKey();
                var stream = cluster.Client.GetStreamProvider("dl").GetStream<Tick>(StreamId.Create("ticks", key));
                var errorSeen = probe.Signal("error:" + key);
                var afterPoison = probe.Signal($"tick:{key}:14");

                await stream.OnNextAsync(new Tick(13, Poison: true));
                await stream.OnNextAsync(new Tick(14));

                var letter = await sink.First.Task.WaitAsync(s_wait);
                await afterPoison.WaitAsync(s_wait);
                await errorSeen.WaitAsync(s_wait);
                letter.Attempts.Should().Be(3);
                letter.StreamNamespace.Should().Be("ticks");
                letter.Subscriber.Should().Be($"tickconsumer/{key}");
                letter.PayloadJson.Should().Contain("\"Value\":13");
                letter.Error.Should().Contain("poison 13");
                probe.Log.Count(e => e == $"{key}:13:1").Should().Be(3, "three attempts, in order, before moving on");
                cluster.Runtime.Metrics.Snapshot().Streams.Single(s => s.Provider == "dl").DeadLetters.Should().Be(1);
            }

            using var reopened = new SqliteDeadLetterStore(path);
            var stored = await reopened.ReadRecentAsync(10);
            stored.Should().ContainSingle().Which.Should().BeEquivalentTo(await sink.First.Task, o => o.Excluding(l => l.FailedAt));
        }
        finally
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public async Task Critical_stream_item_overtakes_market_data_waiting_in_the_mailbox()
    {
        var (cluster, probe) = await Clusters.StartAsync(deterministic: true);
        await using var _ = cluster;
        var key = Clusters.NewKey();
        var grain = cluster.Client.GetGrain<ITickConsumerGrain>(key);
        var provider = cluster.Client.GetStreamProvider("mem");
        var market = provider.GetStream<Tick>(StreamId.Create("ticks", key));
        var system = provider.GetStream<EmergencyStop>(StreamId.Create("system", key));

        var blocked = grain.Block("hold");
        await market.OnNextAsync(new Tick(1));
        await market.OnNextAsync(new Tick(2));
        await system.OnNextAsync(new EmergencyStop("daily loss limit"));
        probe.Log.Should().BeEmpty("the grain is busy with Block");

        probe.Open("hold");
        await cluster.RunUntilQuiescentAsync();
        await blocked;
        probe.Log.Should().Equal("stop:daily loss limit", $"{key}:1:1", $"{key}:2:2");
    }

    [Fact]
    public async Task Client_subscription_receives_items_in_order()
    {
        var (cluster, _) = await Clusters.StartAsync();
        await using var __ = cluster;
        var stream = cluster.Client.GetStreamProvider("mem").GetStream<Tick>(StreamId.Create("client", "x"));
        var received = new List<int>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await stream.SubscribeAsync((tick, _) =>
        {
            received.Add(tick.Value);
            if (tick.Value == 50)
            {
                done.TrySetResult();
            }

            return Task.CompletedTask;
        });

        for (var i = 1; i <= 50; i++)
        {
            await stream.OnNextAsync(new Tick(i));
        }

        await done.Task.WaitAsync(s_wait);
        received.Should().Equal(Enumerable.Range(1, 50));
    }

    [Fact]
    public async Task Explicit_subscription_belongs_to_the_grain_and_is_resumed_after_reactivation()
    {
        var (cluster, probe) = await Clusters.StartAsync();
        await using var _ = cluster;
        var key = Clusters.NewKey();
        var grain = cluster.Client.GetGrain<IExplicitSubscriberGrain>(key);
        await grain.Subscribe();
        var stream = cluster.Client.GetStreamProvider("mem").GetStream<Tick>(StreamId.Create("explicit", key));

        var first = probe.Signal("explicit:1");
        await stream.OnNextAsync(new Tick(1));
        await first.WaitAsync(s_wait);

        await cluster.DeactivateAsync(grain);
        var second = probe.Signal("explicit:2");
        await stream.OnNextAsync(new Tick(2));
        await second.WaitAsync(s_wait);

        probe.Activations("explicit:" + key).Should().Be(2, "the delivery activated the grain, which resumed its handle");
        probe.Log.Count(e => e.StartsWith("explicit:", StringComparison.Ordinal)).Should().Be(2);
    }

    private sealed class RecordingSink : IDeadLetterSink
    {
        public TaskCompletionSource<DeadLetter> First { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task OnDeadLetterAsync(DeadLetter letter)
        {
            First.TrySetResult(letter);
            return Task.CompletedTask;
        }
    }
}
