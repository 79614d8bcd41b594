using TradingBot.Contracts.Market;
using TradingBot.Contracts.Trading;
using TradingBot.Trading.Strategies;

namespace TradingBot.Trading.Tests.Strategies;

public sealed class BarSignalGateTests
{
    private static readonly DateTimeOffset s_bar = new(2025, 6, 1, 10, 15, 0, TimeSpan.Zero);
    private static readonly string[] s_all = ["A", "B", "C"];
    private static readonly StrategyPriority s_default = new(StrategyPriority.DefaultOrder);

    private static TradeSignal Signal(string strategy, double confidence = 0.6, DateTimeOffset? at = null) =>
        new($"{strategy}:BTCUSDT:L:{(at ?? s_bar).ToUnixTimeMilliseconds()}", strategy, "BTCUSDT", Direction.Bullish, 100, 98, 106, confidence, [$"{strategy}-zone"], at ?? s_bar);

    private static StrategyEvaluation Verdict(string strategy, TradeSignal? signal, DateTimeOffset? bar = null) => new(strategy, "BTCUSDT", bar ?? s_bar, signal);

    public static TheoryData<string[]> ArrivalOrders() => new()
    {
        { ["A", "B", "C"] }, { ["A", "C", "B"] }, { ["B", "A", "C"] }, { ["B", "C", "A"] }, { ["C", "A", "B"] }, { ["C", "B", "A"] },
    };

    [Theory]
    [MemberData(nameof(ArrivalOrders))]
    public void The_higher_priority_wins_whatever_the_arrival_order(string[] arrival)
    {
        var gate = new BarSignalGate();
        var signals = new Dictionary<string, TradeSignal?> { ["A"] = Signal("A", 0.7), ["B"] = Signal("B", 0.65), ["C"] = Signal("C", 0.9) };
        var decisions = new List<GateDecision>();

        foreach (var strategy in arrival)
        {
            var before = decisions.Count;
            decisions.AddRange(gate.Report(Verdict(strategy, signals[strategy]), s_all, s_default));
            if (strategy != arrival[^1])
            {
                decisions.Count.Should().Be(before, "the bar waits for every started strategy");
            }
        }

        decisions.Should().ContainSingle();
        decisions[0].Winner.Strategy.Should().Be("A");
        decisions[0].Superseded.Select(s => s.Strategy).Should().BeEquivalentTo(["B", "C"]);
        decisions[0].Missing.Should().BeEmpty();
        gate.PendingBars.Should().Be(0);
    }

    [Fact]
    public void C_goes_before_B_and_confidence_breaks_a_tie_between_equal_ranks()
    {
        var gate = new BarSignalGate();
        gate.Report(Verdict("B", Signal("B", 0.65)), s_all, s_default).Should().BeEmpty();
        gate.Report(Verdict("A", null), s_all, s_default).Should().BeEmpty();
        gate.Report(Verdict("C", Signal("C", 0.6)), s_all, s_default).Single().Winner.Strategy.Should().Be("C");

        var unlisted = new StrategyPriority("A");
        unlisted.Choose([Signal("B", 0.5), Signal("C", 0.7)])!.Strategy.Should().Be("C", "B and C share the rank after A, so confidence decides");
        unlisted.Choose([Signal("C", 0.5), Signal("B", 0.7)])!.Strategy.Should().Be("B");
    }

    [Fact]
    public void A_configured_order_replaces_the_default()
    {
        var gate = new BarSignalGate();
        var bFirst = new StrategyPriority("B, C, A");
        gate.Report(Verdict("A", Signal("A", 0.9)), s_all, bFirst).Should().BeEmpty();
        gate.Report(Verdict("C", Signal("C")), s_all, bFirst).Should().BeEmpty();
        gate.Report(Verdict("B", Signal("B")), s_all, bFirst).Single().Winner.Strategy.Should().Be("B");
    }

    [Fact]
    public void A_lone_signal_goes_on_as_soon_as_the_silent_strategies_reported_the_bar()
    {
        var gate = new BarSignalGate();
        gate.Report(Verdict("B", Signal("B")), s_all, s_default).Should().BeEmpty();
        gate.Report(Verdict("A", null), s_all, s_default).Should().BeEmpty();
        var decision = gate.Report(Verdict("C", null), s_all, s_default).Single();
        decision.Winner.Strategy.Should().Be("B");
        decision.Superseded.Should().BeEmpty();
    }

    [Fact]
    public void With_one_strategy_started_a_signal_never_waits()
    {
        var gate = new BarSignalGate();
        gate.Report(Verdict("C", Signal("C")), ["C"], s_default).Single().Winner.Strategy.Should().Be("C");
    }

    [Fact]
    public void Reporting_a_later_bar_counts_as_having_reported_the_earlier_ones()
    {
        var gate = new BarSignalGate();
        gate.Report(Verdict("A", Signal("A")), s_all, s_default).Should().BeEmpty();
        gate.Report(Verdict("B", null, s_bar.AddMinutes(1)), s_all, s_default).Should().BeEmpty();
        gate.Report(Verdict("C", null, s_bar.AddMinutes(1)), s_all, s_default).Single().Winner.Strategy.Should().Be("A");
    }

    [Fact]
    public void A_strategy_that_stopped_reporting_does_not_block_entries_for_good()
    {
        var gate = new BarSignalGate();
        gate.Report(Verdict("A", Signal("A")), s_all, s_default).Should().BeEmpty();
        gate.Report(Verdict("B", null), s_all, s_default).Should().BeEmpty();
        gate.Report(Verdict("A", null, s_bar.AddMinutes(1)), s_all, s_default).Should().BeEmpty("one minute is within the wait");
        var decision = gate.Report(Verdict("A", null, s_bar + BarSignalGate.MaxWait), s_all, s_default).Single();
        decision.Winner.Strategy.Should().Be("A");
        decision.Missing.Should().Equal("C");
    }

    [Fact]
    public void A_signal_for_a_bar_already_decided_goes_on_alone_and_a_repeated_report_is_not_doubled()
    {
        var gate = new BarSignalGate();
        gate.Report(Verdict("A", null), s_all, s_default);
        gate.Report(Verdict("B", null), s_all, s_default);
        gate.Report(Verdict("C", Signal("C")), s_all, s_default).Should().ContainSingle();
        var late = gate.Report(Verdict("C", Signal("C", 0.7)), s_all, s_default).Single();
        late.Late.Should().BeTrue();

        var next = s_bar.AddMinutes(1);
        gate.Report(Verdict("A", Signal("A", at: next), next), s_all, s_default).Should().BeEmpty();
        gate.Report(Verdict("A", Signal("A", at: next), next), s_all, s_default).Should().BeEmpty();
        gate.Report(Verdict("B", null, next), s_all, s_default).Should().BeEmpty();
        var decision = gate.Report(Verdict("C", null, next), s_all, s_default).Single();
        decision.Superseded.Should().BeEmpty("the same signal reported twice is one candidate");
    }

    [Fact]
    public void A_bar_without_a_signal_is_recorded_without_allocating()
    {
        var gate = new BarSignalGate();
        var verdicts = Enumerable.Range(0, 2000).Select(i => Verdict(s_all[i % 3], null, s_bar.AddMinutes(i / 3))).ToArray();
        for (var i = 0; i < 1000; i++)
        {
            gate.Report(verdicts[i], s_all, s_default).Should().BeEmpty();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var decided = 0;
        for (var i = 1000; i < verdicts.Length; i++)
        {
            decided += gate.Report(verdicts[i], s_all, s_default).Count;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        decided.Should().Be(0);
        gate.PendingBars.Should().Be(0);
        allocated.Should().Be(0, "the gate sees three such verdicts per symbol and minute");
    }
}
