using TradingBot.Runtime.Tests.Grains;
using TradingBot.Runtime.Tests.Support;

namespace TradingBot.Runtime.Tests.Lifecycle;

/// <summary>
/// The driver of a deterministic runtime must never wait forever on a call that the system could finish. The
/// watchdog timeouts below only turn a regression (a hang) into a failure; they never decide a passing run.
/// </summary>
public sealed class DeterministicDriverTests
{
    private static readonly TimeSpan s_watchdog = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_awaited_call_completes_when_the_work_that_finishes_it_is_posted_from_another_thread()
    {
        var (cluster, probe) = await Clusters.StartAsync(deterministic: true);
        await using var _ = cluster;
        var grain = cluster.Client.GetGrain<IGatedGrain>(Clusters.NewKey());

        var call = grain.Work("late");
        call.IsCompleted.Should().BeFalse("quiescence cannot open the gate");

        // Like a continuation that TPL ran on the thread pool: the grain's wake-up arrives while nobody pumps.
        await Task.Run(() => probe.Open("late"));

        await call.WaitAsync(s_watchdog);
        probe.Log.Should().Equal("start:late", "end:late");
    }

    [Fact]
    public async Task Shutdown_reports_a_grain_that_quiescence_cannot_finish_instead_of_waiting_on_the_wall_clock()
    {
        var (cluster, probe) = await Clusters.StartAsync(deterministic: true, configure: b => b.Configure(o => o.ShutdownTimeout = TimeSpan.FromHours(1)));
        var grain = cluster.Client.GetGrain<IGatedGrain>(Clusters.NewKey());
        var stuck = grain.Work("never");

        await cluster.DisposeAsync().AsTask().WaitAsync(s_watchdog);

        stuck.IsCompleted.Should().BeFalse();
        probe.Open("never");
    }

    [Fact]
    public async Task Host_deactivation_has_finished_when_the_call_returns()
    {
        var (cluster, probe) = await Clusters.StartAsync(deterministic: true);
        await using var _ = cluster;
        var counter = cluster.Client.GetGrain<ICounterGrain>(Clusters.NewKey());
        await counter.Increment();
        cluster.TryGetGrainContext(counter.GetGrainId(), out var context).Should().BeTrue();

        var deactivation = cluster.DeactivateAsync(counter);

        context.Deactivated.IsCompleted.Should().BeTrue();
        await deactivation.WaitAsync(s_watchdog);
        probe.Deactivations(counter.GetPrimaryKeyString()).Should().Be(1);
    }
}
