using TradingBot.Runtime.Tests.Grains;
using TradingBot.Runtime.Tests.Support;

namespace TradingBot.Runtime.Tests.Scheduling;

/// <summary>
/// Admission rules, observed in deterministic mode: after each external call the runtime has run everything that
/// could run, so "has not started" is an exact statement, not a race.
/// </summary>
public sealed class AdmissionTests
{
    [Fact]
    public async Task Non_reentrant_grain_starts_the_next_request_only_after_the_previous_task_completed()
    {
        var (cluster, probe) = await Clusters.StartAsync(deterministic: true);
        await using var _ = cluster;
        var grain = cluster.Client.GetGrain<IGatedGrain>(Clusters.NewKey());

        var first = grain.Work("a");
        var second = grain.Work("b");
        probe.Log.Should().Equal("start:a");

        probe.Open("a");
        await cluster.RunUntilQuiescentAsync();
        probe.Log.Should().Equal("start:a", "end:a", "start:b");
        first.IsCompletedSuccessfully.Should().BeTrue();

        probe.Open("b");
        await cluster.RunUntilQuiescentAsync();
        await second;
    }

    [Fact]
    public async Task Reentrant_grain_interleaves_requests_at_awaits()
    {
        var (cluster, probe) = await Clusters.StartAsync(deterministic: true);
        await using var _ = cluster;
        var grain = cluster.Client.GetGrain<IReentrantGatedGrain>(Clusters.NewKey());

        var first = grain.Work("a");
        var second = grain.Work("b");
        probe.Log.Should().Equal("start:a", "start:b");

        probe.Open("b");
        probe.Open("a");
        await cluster.RunUntilQuiescentAsync();
        await Task.WhenAll(first, second);
        (await grain.MaxConcurrency()).Should().Be(2);
    }

    [Fact]
    public async Task AlwaysInterleave_method_runs_while_a_request_is_blocked()
    {
        var (cluster, probe) = await Clusters.StartAsync(deterministic: true);
        await using var _ = cluster;
        var grain = cluster.Client.GetGrain<IGatedGrain>(Clusters.NewKey());

        var blocked = grain.Work("a");
        await grain.Peek("p");
        probe.Log.Should().Equal("start:a", "peek:p");
        blocked.IsCompleted.Should().BeFalse();
        probe.Open("a");
        await cluster.RunUntilQuiescentAsync();
        await blocked;
    }

    [Fact]
    public async Task ReadOnly_requests_interleave_only_with_each_other()
    {
        var (cluster, probe) = await Clusters.StartAsync(deterministic: true);
        await using var _ = cluster;
        var grain = cluster.Client.GetGrain<IGatedGrain>(Clusters.NewKey());

        var r1 = grain.Read("r1");
        var r2 = grain.Read("r2");
        var write = grain.Work("w");
        var r3 = grain.Read("r3");
        probe.Log.Should().Equal(["start:r1", "start:r2"], "two reads interleave; the write waits; a read behind the write waits too");

        probe.Open("r1");
        await cluster.RunUntilQuiescentAsync();
        probe.Log.Should().Equal("start:r1", "start:r2", "end:r1");

        probe.Open("r2");
        await cluster.RunUntilQuiescentAsync();
        probe.Log.Should().Equal("start:r1", "start:r2", "end:r1", "end:r2", "start:w");

        probe.Open("w");
        await cluster.RunUntilQuiescentAsync();
        probe.Log.Should().Equal("start:r1", "start:r2", "end:r1", "end:r2", "start:w", "end:w", "start:r3");
        probe.Open("r3");
        await cluster.RunUntilQuiescentAsync();
        await Task.WhenAll(r1, r2, write, r3);
    }

    [Fact]
    public async Task Critical_messages_overtake_queued_normal_ones()
    {
        var (cluster, probe) = await Clusters.StartAsync(deterministic: true);
        await using var _ = cluster;
        var grain = cluster.Client.GetGrain<IGatedGrain>(Clusters.NewKey());

        var blocked = grain.Work("a");
        var calls = new[]
        {
            grain.Command(new PrioritizedCommand("n1", MessagePriority.Normal)),
            grain.Command(new PrioritizedCommand("low", MessagePriority.Low)),
            grain.Command(new PrioritizedCommand("n2", MessagePriority.Normal)),
            grain.Urgent("stop"),
            grain.Command(new PrioritizedCommand("high", MessagePriority.High)),
        };
        probe.Open("a");
        await cluster.RunUntilQuiescentAsync();
        await Task.WhenAll(calls.Append(blocked));

        probe.Log.Should().Equal("start:a", "end:a", "urgent:stop", "command:high", "command:n1", "command:n2", "command:low");
    }

    [Fact]
    public async Task Concurrent_mode_never_runs_two_turns_of_a_non_reentrant_grain_at_once()
    {
        var (cluster, _) = await Clusters.StartAsync();
        await using var __ = cluster;
        var grain = cluster.Client.GetGrain<IGatedGrain>(Clusters.NewKey());

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                await grain.Spin();
            }
        })));

        (await grain.MaxConcurrency()).Should().Be(1);
    }

    [Fact]
    public async Task Full_mailbox_rejects_calls_with_an_overload_exception()
    {
        var (cluster, probe) = await Clusters.StartAsync(configure: b => b.Configure(o => o.MailboxCapacity = 3));
        await using var _ = cluster;
        var key = Clusters.NewKey();
        var grain = cluster.Client.GetGrain<IGatedGrain>(key);

        var running = grain.Work("a");
        await probe.Signal("started:a");
        var queued = Enumerable.Range(0, 3).Select(i => grain.Urgent("q" + i)).ToArray();
        var rejected = grain.Urgent("overflow");

        var ex = await Assert.ThrowsAsync<GrainOverloadedException>(() => rejected);
        ex.GrainId.Should().Be(grain.GetGrainId());
        ex.Depth.Should().Be(3);
        ex.Message.Should().Contain(key);
        cluster.Runtime.Metrics.Snapshot().GrainTypes.Single(t => t.GrainType == "gated").OverloadRejections.Should().Be(1);

        probe.Open("a");
        await Task.WhenAll(queued.Append(running));
        await grain.Urgent("after");
    }
}
