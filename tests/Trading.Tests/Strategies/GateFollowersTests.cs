using TradingBot.Contracts.Market;
using TradingBot.Contracts.Trading;
using TradingBot.Trading.Strategies;

namespace TradingBot.Trading.Tests.Strategies;

public sealed class GateFollowersTests
{
    private static readonly DateTimeOffset s_bar = new(2025, 6, 1, 10, 15, 0, TimeSpan.Zero);
    private static readonly string[] s_all = ["A", "B", "C"];
    private static readonly StrategyPriority s_default = new(StrategyPriority.DefaultOrder);

    private static StrategyEvaluation Verdict(string strategy, bool signal, DateTimeOffset bar) =>
        new(strategy, "BTCUSDT", bar, signal
            ? new TradeSignal($"{strategy}:BTCUSDT:L:{bar.ToUnixTimeMilliseconds()}", strategy, "BTCUSDT", Direction.Bullish, 100, 98, 106, 0.6, [$"{strategy}-zone"], bar)
            : null);

    [Fact]
    public void Nobody_is_asked_while_the_gate_holds_nothing()
    {
        var gate = new BarSignalGate();
        var followers = new GateFollowers();
        gate.Report(Verdict("A", signal: false, s_bar), s_all, s_default);

        followers.NextToAsk(gate, s_all).Should().BeNull();
        followers.MustChange(gate, s_all).Should().BeFalse();
        followers.Release(gate).Should().BeEmpty();
    }

    [Fact]
    public void A_held_bar_asks_every_expected_strategy_once_and_releases_them_when_decided()
    {
        var gate = new BarSignalGate();
        var followers = new GateFollowers();
        gate.Report(Verdict("B", signal: true, s_bar), s_all, s_default).Should().BeEmpty();

        var asked = new List<string>();
        while (followers.NextToAsk(gate, s_all) is { } strategy)
        {
            followers.Asked(strategy);
            asked.Add(strategy);
        }

        asked.Should().Equal("A", "B", "C");
        followers.MustChange(gate, s_all).Should().BeFalse("everyone follows and the bar is still held");
        followers.Release(gate).Should().BeEmpty("the bar is still held");

        gate.Report(Verdict("A", signal: false, s_bar), s_all, s_default).Should().BeEmpty();
        gate.Report(Verdict("C", signal: false, s_bar), s_all, s_default).Should().ContainSingle();

        followers.MustChange(gate, s_all).Should().BeTrue();
        followers.Release(gate).Should().Equal("A", "B", "C");
        followers.Following.Should().BeEmpty();
    }

    [Fact]
    public void A_strategy_added_to_the_configuration_while_a_bar_is_held_is_asked_too()
    {
        var gate = new BarSignalGate();
        var followers = new GateFollowers();
        gate.Report(Verdict("A", signal: true, s_bar), ["A", "C"], s_default);
        followers.Asked("A");
        followers.Asked("C");

        followers.NextToAsk(gate, s_all).Should().Be("B");
    }
}
