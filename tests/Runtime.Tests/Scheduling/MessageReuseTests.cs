using Microsoft.Extensions.DependencyInjection;
using TradingBot.Runtime.Streams;
using TradingBot.Runtime.Testing;
using TradingBot.Runtime.Tests.Grains;
using TradingBot.Runtime.Tests.Support;

namespace TradingBot.Runtime.Tests.Scheduling;

/// <summary>
/// Deterministic mode recycles call requests and stream deliveries. A message object may serve a new turn only
/// when nothing can still reach the old one: these tests pin both halves (reuse happens; holders are respected).
/// </summary>
public sealed class MessageReuseTests
{
    private static readonly TimeSpan s_watchdog = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Synchronous_calls_on_the_deterministic_pump_reuse_one_request()
    {
        var (cluster, spy, _) = await StartAsync();
        await using var __ = cluster;
        var grain = cluster.Client.GetGrain<IMessageSpyGrain>(Clusters.NewKey());

        (await grain.Echo("a", 1)).Should().Be(1);
        (await grain.Echo("b", 2)).Should().Be(2);
        (await grain.Echo("c", 3)).Should().Be(3);

        spy["b"].Should().BeSameAs(spy["a"]);
        spy["c"].Should().BeSameAs(spy["a"]);
    }

    [Fact]
    public async Task A_call_still_running_keeps_its_request_and_gets_its_own_result()
    {
        var (cluster, spy, probe) = await StartAsync();
        await using var _ = cluster;
        var first = cluster.Client.GetGrain<IMessageSpyGrain>(Clusters.NewKey());
        var second = cluster.Client.GetGrain<IMessageSpyGrain>(Clusters.NewKey());

        var pending = first.EchoLater("pending", "g", 7);
        pending.IsCompleted.Should().BeFalse("the gate is closed");
        probe.Open("open-already");
        (await second.EchoLater("sync-1", "open-already", 8)).Should().Be(8);
        (await second.EchoLater("sync-2", "open-already", 9)).Should().Be(9);

        spy["sync-1"].Should().NotBeSameAs(spy["pending"], "the pending call's caller still waits on it");
        spy["sync-2"].Should().BeSameAs(spy["sync-1"], "finished synchronous calls are recycled");
        await Task.Run(() => probe.Open("g"));
        (await pending.WaitAsync(s_watchdog)).Should().Be(7);
    }

    [Fact]
    public async Task A_request_whose_turn_started_a_call_that_is_still_pending_is_not_reused()
    {
        var (cluster, spy, probe) = await StartAsync();
        await using var _ = cluster;
        var grain = cluster.Client.GetGrain<IMessageSpyGrain>(Clusters.NewKey());
        var target = Clusters.NewKey();

        await grain.StartSlow("s1", target, "slow");
        await grain.StartSlow("s2", target + "-2", "slow");

        spy["s2"].Should().NotBeSameAs(spy["s1"], "s1's pending child still walks its caller chain through it");
        spy["s1/child"].Should().NotBeSameAs(spy["s2/child"]);
        await Task.Run(() => probe.Open("slow"));
    }

    [Fact]
    public async Task A_failed_call_is_not_reused_and_fails_its_caller()
    {
        var (cluster, spy, _) = await StartAsync();
        await using var __ = cluster;
        var grain = cluster.Client.GetGrain<IMessageSpyGrain>(Clusters.NewKey());

        var first = grain.Fail("f1");
        var second = grain.Fail("f2");

        (await Assert.ThrowsAsync<InvalidOperationException>(() => first)).Message.Should().Be("fail f1");
        (await Assert.ThrowsAsync<InvalidOperationException>(() => second)).Message.Should().Be("fail f2");
        spy["f2"].Should().NotBeSameAs(spy["f1"]);
    }

    [Fact]
    public async Task Interleaving_turns_are_never_reused()
    {
        var (cluster, spy, _) = await StartAsync();
        await using var __ = cluster;
        var grain = cluster.Client.GetGrain<IMessageSpyGrain>(Clusters.NewKey());

        await grain.Peek("p1", 1);
        await grain.Peek("p2", 2);

        spy["p2"].Should().NotBeSameAs(spy["p1"], "an interleaving turn's message flows in an AsyncLocal that outlives the turn");
    }

    [Fact]
    public async Task Grain_to_grain_calls_recycle_the_inner_request_once_the_outer_turn_is_done()
    {
        var (cluster, spy, _) = await StartAsync();
        await using var __ = cluster;
        var caller = cluster.Client.GetGrain<IMessageSpyGrain>(Clusters.NewKey());
        var target = Clusters.NewKey();
        await caller.CallEcho("warm-up", target, 3);

        (await caller.CallEcho("o1", target, 4)).Should().Be(4);
        (await caller.CallEcho("o2", target, 5)).Should().Be(5);

        spy["o2/echo"].Should().BeSameAs(spy["o1/echo"]);
        spy["o2"].Should().BeSameAs(spy["o1"], "the inner call was recycled, so nothing references the outer request");
    }

    [Fact]
    public async Task A_subscription_reuses_its_delivery_unless_a_call_the_delivery_started_is_still_pending()
    {
        var (cluster, spy, probe) = await StartAsync();
        await using var _ = cluster;
        var key = Clusters.NewKey();
        var stream = cluster.Client.GetStreamProvider("mem").GetStream<Tick>(StreamId.Create("spyticks", key));
        await stream.OnNextAsync(new Tick(0));

        await stream.OnNextAsync(new Tick(1));
        await stream.OnNextAsync(new Tick(2));
        await stream.OnNextAsync(new Tick(3, Gate: "t3"));
        await stream.OnNextAsync(new Tick(4));
        await stream.OnNextAsync(new Tick(5));

        probe.Log.Should().Equal("tick:0", "tick:1", "tick:2", "tick:3", "tick:4", "tick:5");
        spy["tick:2"].Should().BeSameAs(spy["tick:1"]);
        spy["tick:3"].Should().BeSameAs(spy["tick:1"]);
        spy["tick:4"].Should().NotBeSameAs(spy["tick:3"], "delivery 3 started a call that still waits for its gate");
        spy["tick:5"].Should().BeSameAs(spy["tick:4"]);
        await Task.Run(() => probe.Open("t3"));
    }

    private static async Task<(InProcessTestCluster Cluster, MessageSpy Spy, TestProbe Probe)> StartAsync()
    {
        var spy = new MessageSpy();
        var (cluster, probe) = await Clusters.StartAsync(deterministic: true, services: s => s.AddSingleton(spy));
        return (cluster, spy, probe);
    }
}
