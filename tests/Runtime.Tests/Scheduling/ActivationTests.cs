using TradingBot.Runtime.Tests.Grains;
using TradingBot.Runtime.Tests.Support;

namespace TradingBot.Runtime.Tests.Scheduling;

public sealed class ActivationTests
{
    [Fact]
    public async Task Concurrent_storm_of_first_calls_creates_exactly_one_activation()
    {
        var (cluster, probe) = await Clusters.StartAsync();
        await using var _ = cluster;
        var key = Clusters.NewKey();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var callers = Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await cluster.Client.GetGrain<ICounterGrain>(key).Increment();
        })).ToArray();

        start.SetResult();
        var results = await Task.WhenAll(callers);

        probe.Activations(key).Should().Be(1);
        results.Should().BeEquivalentTo(Enumerable.Range(1, 64), "every increment ran exactly once, one at a time");
    }

    [Fact]
    public async Task Activation_failure_faults_all_queued_calls_and_next_call_retries_fresh()
    {
        var (cluster, probe) = await Clusters.StartAsync();
        await using var _ = cluster;
        var key = Clusters.NewKey();
        probe.FailActivation[key] = true;
        var grain = cluster.Client.GetGrain<ICounterGrain>(key);

        var calls = Enumerable.Range(0, 3).Select(_ => grain.Increment()).ToArray();
        probe.Open("activate-" + key);
        var failures = new List<Exception>();
        foreach (var call in calls)
        {
            failures.Add(await Assert.ThrowsAsync<InvalidOperationException>(() => call));
        }

        failures.Should().OnlyContain(e => e.Message == "activation failed for " + key);
        failures.Distinct().Should().HaveCount(1, "every queued call faults with the activation's own exception");
        cluster.TryGetGrainContext(grain.GetGrainId(), out var gone).Should().BeFalse("the failed activation is removed from the directory");

        probe.FailActivation[key] = false;
        (await grain.Increment()).Should().Be(1);
        probe.Activations(key).Should().Be(2, "the next call activated a fresh instance");
    }

    [Fact]
    public async Task Grain_exception_faults_only_the_caller_and_keeps_the_activation()
    {
        var (cluster, probe) = await Clusters.StartAsync();
        await using var _ = cluster;
        var key = Clusters.NewKey();
        var grain = cluster.Client.GetGrain<ICounterGrain>(key);
        var other = cluster.Client.GetGrain<ICounterGrain>(Clusters.NewKey());
        await grain.Increment();
        await other.Increment();

        var failing = grain.Fail("boom");
        var concurrentOther = other.Increment();

        (await Assert.ThrowsAsync<InvalidOperationException>(() => failing)).Message.Should().Be("boom");
        (await concurrentOther).Should().Be(2, "another grain is unaffected");
        (await grain.Increment()).Should().Be(2, "the same activation keeps its in-memory state");
        probe.Activations(key).Should().Be(1);
    }

    [Fact]
    public async Task InconsistentStateException_escaping_a_grain_deactivates_that_activation()
    {
        var (cluster, probe) = await Clusters.StartAsync();
        await using var _ = cluster;
        var key = Clusters.NewKey();
        var grain = cluster.Client.GetGrain<ICounterGrain>(key);
        await grain.Increment();
        cluster.TryGetGrainContext(grain.GetGrainId(), out var first).Should().BeTrue();

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.ThrowInconsistent());
        await first.Deactivated;

        probe.LastDeactivationReason(key).Should().Be(DeactivationReasonCode.ApplicationError);
        (await grain.ActivationNumber()).Should().Be(2, "the next call reloads in a fresh activation");
        (await grain.Get()).Should().Be(0);
    }

    [Fact]
    public async Task Grain_references_are_equal_by_identity()
    {
        var (cluster, _) = await Clusters.StartAsync();
        await using var __ = cluster;
        var a = cluster.Client.GetGrain<ICounterGrain>("same");
        var b = cluster.Client.GetGrain<ICounterGrain>("same");
        a.Should().Be(b);
        a.GetPrimaryKeyString().Should().Be("same");
        a.GetGrainId().Should().Be(new GrainId("counter", "same"));
    }
}
