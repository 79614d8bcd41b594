using TradingBot.Runtime.Tests.Grains;
using TradingBot.Runtime.Tests.Support;

namespace TradingBot.Runtime.Tests.Lifecycle;

public sealed class TimerTests
{
    [Fact]
    public async Task Ticks_never_overlap_and_the_period_is_counted_after_completion()
    {
        var (cluster, probe) = await Clusters.StartAsync(deterministic: true);
        await using var _ = cluster;
        await cluster.Client.GetGrain<ITimerGrain>(Clusters.NewKey()).StartTicking(periodSeconds: 1, workSeconds: 3);

        await cluster.AdvanceTimeAsync(TimeSpan.FromSeconds(20));

        probe.Log.Should().Equal(
            "tick-start:1", "tick-end:4",
            "tick-start:5", "tick-end:8",
            "tick-start:9", "tick-end:12",
            "tick-start:13", "tick-end:16",
            "tick-start:17", "tick-end:20");
    }

    [Fact]
    public async Task Tick_waits_for_a_running_turn_and_missed_ticks_do_not_pile_up()
    {
        var (cluster, probe) = await Clusters.StartAsync(deterministic: true);
        await using var _ = cluster;
        var grain = cluster.Client.GetGrain<ITimerGrain>(Clusters.NewKey());
        await grain.StartTicking(periodSeconds: 1, workSeconds: 0);
        var blocked = grain.Block("hold");

        await cluster.AdvanceTimeAsync(TimeSpan.FromSeconds(5));
        probe.Log.Should().BeEmpty("the tick is queued behind the blocked request");

        probe.Open("hold");
        await cluster.RunUntilQuiescentAsync();
        await blocked;
        probe.Log.Should().Equal("tick-start:5", "tick-end:5");
    }

    [Fact]
    public async Task Timer_callback_exceptions_are_logged_and_the_timer_continues()
    {
        var (cluster, _) = await Clusters.StartAsync(deterministic: true);
        await using var __ = cluster;
        var grain = cluster.Client.GetGrain<ITimerGrain>(Clusters.NewKey());
        await grain.StartFailing();

        await cluster.AdvanceTimeAsync(TimeSpan.FromSeconds(5));

        (await grain.FailingTicks()).Should().Be(5);
    }
}
