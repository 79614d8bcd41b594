using TradingBot.Runtime.Tests.Grains;
using TradingBot.Runtime.Tests.Support;

namespace TradingBot.Runtime.Tests.Scheduling;

public sealed class CallChainTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Call_cycle_through_non_reentrant_grains_fails_fast_naming_the_chain(bool deterministic)
    {
        var (cluster, _) = await Clusters.StartAsync(deterministic);
        await using var __ = cluster;
        var a = Clusters.NewKey();
        var b = Clusters.NewKey();

        var call = cluster.Client.GetGrain<ICycleGrain>(a).Hop([b, a], 0);

        var ex = await Assert.ThrowsAsync<DeadlockException>(() => call);
        ex.Message.Should().Contain($"cycle/{a}").And.Contain($"cycle/{b}");
        ex.CallChain.Should().HaveCount(3);
    }

    [Fact]
    public async Task Calling_itself_through_its_reference_fails_fast()
    {
        var (cluster, _) = await Clusters.StartAsync();
        await using var __ = cluster;
        var a = Clusters.NewKey();

        await Assert.ThrowsAsync<DeadlockException>(() => cluster.Client.GetGrain<ICycleGrain>(a).Hop([a], 0));
    }

    [Fact]
    public async Task Cycle_through_reentrant_grains_is_allowed()
    {
        var (cluster, _) = await Clusters.StartAsync();
        await using var __ = cluster;
        var a = Clusters.NewKey();
        var b = Clusters.NewKey();

        (await cluster.Client.GetGrain<IReentrantCycleGrain>(a).Hop([b, a, b], 0)).Should().Be(3);
    }

    [Fact]
    public async Task ResponseTimeout_attribute_overrides_the_default_per_method()
    {
        var (cluster, probe) = await Clusters.StartAsync(manualTime: true);
        await using var _ = cluster;
        var grain = cluster.Client.GetGrain<IGatedGrain>(Clusters.NewKey());

        var brief = grain.WorkBriefly("slow");
        await cluster.AdvanceTimeAsync(TimeSpan.FromSeconds(2));

        await Assert.ThrowsAsync<TimeoutException>(() => brief);
        probe.Open("slow");
    }

    [Fact]
    public async Task Call_that_gets_no_response_times_out_with_TimeoutException()
    {
        var (cluster, probe) = await Clusters.StartAsync(
            manualTime: true,
            configure: b => b.Configure(o =>
            {
                o.ResponseTimeout = TimeSpan.FromSeconds(5);
                o.ResponseTimeoutScanPeriod = TimeSpan.FromSeconds(1);
            }));
        await using var _ = cluster;
        var grain = cluster.Client.GetGrain<IGatedGrain>(Clusters.NewKey());

        var stuck = grain.Work("never");
        await probe.Signal("started:never");
        var queuedBehind = grain.Work("behind");
        await cluster.AdvanceTimeAsync(TimeSpan.FromSeconds(4));
        stuck.IsCompleted.Should().BeFalse();

        await cluster.AdvanceTimeAsync(TimeSpan.FromSeconds(2));

        (await Assert.ThrowsAsync<TimeoutException>(() => stuck)).Message.Should().Contain("Work");
        await Assert.ThrowsAsync<TimeoutException>(() => queuedBehind);
        cluster.Runtime.Metrics.Snapshot().GrainTypes.Single(t => t.GrainType == "gated").Timeouts.Should().Be(2);
        probe.Open("never");
        probe.Open("behind");
        probe.Log.Should().NotContain("start:behind", "a call that timed out while queued never runs");
    }
}
