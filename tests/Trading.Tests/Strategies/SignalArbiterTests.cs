using System.Collections.Immutable;
using TradingBot.Contracts.Market;
using TradingBot.Contracts.Trading;
using TradingBot.Trading.Strategies;

namespace TradingBot.Trading.Tests.Strategies;

public sealed class SignalArbiterTests
{
    private static TradeSignal Signal(string strategy, string primary, double confidence = 0.5) =>
        new($"{strategy}:{primary}", strategy, "BTCUSDT", Direction.Bullish, 100, 98, 106, confidence, [primary], DateTimeOffset.UnixEpoch);

    [Fact]
    public void Priority_decides_between_strategies_firing_on_the_same_bar()
    {
        var arbiter = new SignalArbiter();
        var chosen = arbiter.Choose([(new StrategyB(), Signal("B", "sweep-1", 0.9)), (new StrategyA(), Signal("A", "zone-1", 0.6)), (new StrategyC(), Signal("C", "zone-1", 0.8))]);
        chosen!.Strategy.Should().Be("A");
    }

    [Fact]
    public void The_same_primary_evidence_never_fires_twice_for_a_strategy()
    {
        var arbiter = new SignalArbiter();
        arbiter.Choose([(new StrategyA(), Signal("A", "zone-1"))]).Should().NotBeNull();
        arbiter.Choose([(new StrategyA(), Signal("A", "zone-1"))]).Should().BeNull();
        arbiter.Choose([(new StrategyC(), Signal("C", "zone-1"))]).Should().NotBeNull("another strategy may use the same zone");
    }

    [Fact]
    public void Remembered_evidence_survives_a_restore()
    {
        var first = new SignalArbiter();
        first.Choose([(new StrategyA(), Signal("A", "zone-9"))]);
        var second = new SignalArbiter();
        second.Restore(first.UsedKeys.ToImmutableArray());
        second.Choose([(new StrategyA(), Signal("A", "zone-9"))]).Should().BeNull();
    }

    [Fact]
    public void Equal_priorities_go_by_confidence_keep_the_first_on_a_tie_and_remember_every_fired_signal_in_that_order()
    {
        var arbiter = new SignalArbiter();
        var chosen = arbiter.Choose([(new StrategyA(), Signal("A", "zone-1", 0.5)), (new StrategyA(), Signal("A", "zone-2", 0.9)), (new StrategyA(), Signal("A", "zone-3", 0.9))]);
        chosen!.Id.Should().Be("A:zone-2");
        arbiter.UsedKeys.Should().Equal("A|zone-2", "A|zone-3", "A|zone-1");
    }
}
