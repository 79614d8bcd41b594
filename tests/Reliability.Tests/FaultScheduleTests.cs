using TradingBot.Chaos.Faults;
using TradingBot.Chaos.Invariants;

namespace TradingBot.Reliability.Tests;

public sealed class FaultScheduleTests
{
    [Fact]
    public void The_same_seed_gives_the_same_schedule()
    {
        var a = new FaultSchedule(42, FaultProfile.Dense);
        var b = new FaultSchedule(42, FaultProfile.Dense);
        var c = new FaultSchedule(43, FaultProfile.Dense);
        var first = Enumerable.Range(0, 2000).Select(_ => a.Next()).ToArray();

        Enumerable.Range(0, 2000).Select(_ => b.Next()).Should().Equal(first);
        Enumerable.Range(0, 2000).Select(_ => c.Next()).Should().NotEqual(first);
    }

    [Fact]
    public void Covering_every_kind_puts_each_kind_among_the_first_decisions()
    {
        var schedule = new FaultSchedule(7, FaultProfile.Dense);
        var decided = new List<FaultKind>();
        while (decided.Count < Enum.GetValues<FaultKind>().Length)
        {
            if (schedule.Next() is { } kind)
            {
                decided.Add(kind);
            }
        }

        decided.Should().BeEquivalentTo(Enum.GetValues<FaultKind>());
    }

    [Fact]
    public void A_profile_without_faults_never_injects()
    {
        var schedule = new FaultSchedule(1, FaultProfile.Default with { PerStep = 0 });
        Enumerable.Range(0, 1000).Select(_ => schedule.Next()).Should().AllSatisfy(k => k.Should().BeNull());
    }

    [Theory]
    [InlineData("tb-A-BTCUSDT-L-1748321820-e", "tb-A-BTCUSDT-L-1748321820")]
    [InlineData("tb-C-ETHUSDT-S-1748321820-e2", "tb-C-ETHUSDT-S-1748321820")]
    [InlineData("tb-A-BTCUSDT-L-1748321820-s", null)]
    [InlineData("tb-A-BTCUSDT-L-1748321820-c", null)]
    [InlineData("manual-order", null)]
    public void Entry_ids_map_to_their_signal(string clientOrderId, string? signal) =>
        StepInvariants.EntrySignal(clientOrderId).Should().Be(signal);
}
