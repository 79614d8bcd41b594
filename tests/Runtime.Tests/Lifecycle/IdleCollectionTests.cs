using TradingBot.Runtime.Tests.Grains;
using TradingBot.Runtime.Tests.Support;

namespace TradingBot.Runtime.Tests.Lifecycle;

public sealed class IdleCollectionTests
{
    [Fact]
    public async Task Idle_grains_are_collected_after_their_age_and_KeepAlive_grains_are_not()
    {
        var (cluster, probe) = await Clusters.StartAsync(
            deterministic: true,
            configure: b => b.Configure(o =>
            {
                o.CollectionAge = TimeSpan.FromMinutes(10);
                o.CollectionQuantum = TimeSpan.FromMinutes(1);
            }));
        await using var _ = cluster;
        var counter = cluster.Client.GetGrain<ICounterGrain>("idle");
        var keepAlive = cluster.Client.GetGrain<IKeepAliveGrain>("idle");
        var shortLived = cluster.Client.GetGrain<IShortLivedGrain>("idle");
        var timerKeepsAlive = cluster.Client.GetGrain<ITimerGrain>("alive");
        var timerDoesNot = cluster.Client.GetGrain<ITimerGrain>("idle");
        await counter.Increment();
        await keepAlive.Touch();
        await shortLived.Touch();
        await timerKeepsAlive.StartTicking(periodSeconds: 60, workSeconds: 0, keepAlive: true);
        await timerDoesNot.StartTicking(periodSeconds: 60, workSeconds: 0, keepAlive: false);

        await cluster.AdvanceTimeAsync(TimeSpan.FromMinutes(3));
        IsActive(cluster, shortLived).Should().BeFalse("[CollectionAgeLimit(Minutes = 2)]");
        IsActive(cluster, counter).Should().BeTrue();

        await cluster.AdvanceTimeAsync(TimeSpan.FromMinutes(9));
        IsActive(cluster, counter).Should().BeFalse();
        probe.LastDeactivationReason("idle").Should().Be(DeactivationReasonCode.ActivationIdle);
        IsActive(cluster, timerDoesNot).Should().BeFalse("timer ticks are not activity unless KeepAlive");
        IsActive(cluster, timerKeepsAlive).Should().BeTrue("KeepAlive timer ticks count as activity");
        IsActive(cluster, keepAlive).Should().BeTrue("[KeepAlive] grains are never collected");
        cluster.Runtime.Metrics.Snapshot().GrainTypes.Single(t => t.GrainType == "counter").Collections.Should().Be(1);
    }

    [Fact]
    public async Task DelayDeactivation_keeps_an_idle_grain_past_its_collection_age()
    {
        var (cluster, _) = await Clusters.StartAsync(deterministic: true);
        await using var __ = cluster;
        var kept = cluster.Client.GetGrain<IShortLivedGrain>("kept");
        var plain = cluster.Client.GetGrain<IShortLivedGrain>("plain");
        await kept.KeepFor(TimeSpan.FromMinutes(5));
        await plain.Touch();

        await cluster.AdvanceTimeAsync(TimeSpan.FromMinutes(4));
        IsActive(cluster, plain).Should().BeFalse();
        IsActive(cluster, kept).Should().BeTrue();

        await cluster.AdvanceTimeAsync(TimeSpan.FromMinutes(2));
        IsActive(cluster, kept).Should().BeFalse();
    }

    [Fact]
    public async Task DeactivateOnIdle_sends_later_calls_to_a_fresh_activation()
    {
        var (cluster, probe) = await Clusters.StartAsync(deterministic: true);
        await using var _ = cluster;
        var key = Clusters.NewKey();
        var grain = cluster.Client.GetGrain<ICounterGrain>(key);
        await grain.Increment();

        await cluster.DeactivateAsync(grain);

        probe.Deactivations(key).Should().Be(1);
        (await grain.Increment()).Should().Be(1);
        probe.Activations(key).Should().Be(2);
    }

    private static bool IsActive(TradingBot.Runtime.Testing.InProcessTestCluster cluster, IAddressable grain) =>
        cluster.TryGetGrainContext(grain.GetGrainId(), out _);
}
