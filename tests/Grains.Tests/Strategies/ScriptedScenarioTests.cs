using TradingBot.Contracts.Market;
using TradingBot.Silo.Tests.EndToEnd.Scripted.Scripts;
using Xunit.Abstractions;

namespace TradingBot.Grains.Tests.Strategies;

/// <summary>
/// Each end-to-end script, replayed through the pipeline and all three rules: exactly the intended strategy fires,
/// first, at the scripted bar, with the scripted entry, stop and target.
/// </summary>
public sealed class ScriptedScenarioTests(ITestOutputHelper output)
{
    public static TheoryData<string> Names() => [.. Scenarios.Names];

    [Theory]
    [MemberData(nameof(Names))]
    public void The_script_fires_its_strategy_at_the_scripted_bar(string name)
    {
        var scenario = Scenarios.Get(name);
        var signals = ScriptReplay.Run(scenario, ["A", "B", "C"], s =>
        {
            if (s.Timeframe != Timeframe.M1 || s.Breaks.Length > 0 || s.Sweeps.Length > 0)
            {
                output.WriteLine($"{s.Timeframe} {s.Candle.OpenTime:HH:mm} C={s.Candle.Close} trend={s.Trend} breaks=[{string.Join(";", s.Breaks.Select(b => $"{b.Kind}{b.Direction}@{b.Level}"))}] sweeps=[{string.Join(";", s.Sweeps.Select(w => $"{w.Side}@{w.Level}"))}] zones={s.Zones.Length} pools=[{string.Join(";", s.Pools.Select(p => $"{p.Side}@{p.Level}"))}]");
            }
        });
        foreach (var signal in signals)
        {
            output.WriteLine($"SIGNAL {signal.Strategy} {signal.Direction} at {signal.At:HH:mm} entry {signal.Entry} stop {signal.StopLoss} target {signal.TakeProfit} evidence {string.Join(",", signal.ZoneIds)}");
        }

        signals.Should().NotBeEmpty();
        var first = signals[0];
        first.Strategy.Should().Be(scenario.Strategy);
        first.At.Should().Be(scenario.TriggerClose);
        first.Direction.Should().Be(scenario.Direction);
        first.Entry.Should().Be(scenario.Entry);
        first.StopLoss.Should().Be(scenario.SignalStop);
        first.TakeProfit.Should().Be(scenario.Target);
        signals.Where(s => s.At <= scenario.TriggerClose).Should().OnlyContain(s => s.Strategy == scenario.Strategy, "no other strategy may fire up to the trigger bar");
    }

    [Fact]
    public void The_same_bar_script_fires_A_and_C_on_one_bar()
    {
        var scenario = Scenarios.AAndCOnTheSameBar();
        var signals = ScriptReplay.Run(scenario, ["A", "B", "C"]);
        foreach (var signal in signals)
        {
            output.WriteLine($"SIGNAL {signal.Strategy} at {signal.At:HH:mm} entry {signal.Entry} confidence {signal.Confidence}");
        }

        signals.Should().HaveCount(2);
        signals.Select(s => s.Strategy).Should().BeEquivalentTo(["A", "C"]);
        signals.Should().AllSatisfy(s => s.At.Should().Be(scenario.TriggerClose));
        signals.Should().AllSatisfy(s => s.Entry.Should().Be(scenario.Entry));
    }
}
