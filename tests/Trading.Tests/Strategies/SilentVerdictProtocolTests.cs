using TradingBot.Contracts.Market;
using TradingBot.Contracts.Trading;
using TradingBot.Trading.Strategies;

namespace TradingBot.Trading.Tests.Strategies;

/// <summary>
/// The grains' protocol played out on the pure parts: strategies judge bars in order and report a verdict only when
/// it is a signal or the gate asked for every bar (<see cref="VerdictReporting"/>); the gate asks every strategy while
/// it holds a bar and releases them afterwards (<see cref="GateFollowers"/>). Reports wait in the gate's mailbox (the
/// reporting strategy waits for its answer), the gate's request is answered at once (it interleaves), and the order
/// of all steps is random. The decisions must be those of the gate hearing every verdict of every bar.
/// </summary>
public sealed class SilentVerdictProtocolTests
{
    private const int Bars = 40;
    private static readonly DateTimeOffset s_start = new(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly string[] s_all = ["A", "B", "C"];
    private static readonly StrategyPriority s_default = new(StrategyPriority.DefaultOrder);

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 0; seed < 200; seed++)
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Silent_verdicts_give_the_decisions_of_hearing_every_verdict(int seed)
    {
        var random = new Random(seed);
        var signals = new TradeSignal?[s_all.Length, Bars];
        for (var s = 0; s < s_all.Length; s++)
        {
            for (var b = 0; b < Bars; b++)
            {
                signals[s, b] = random.NextDouble() < 0.12 ? Signal(s_all[s], b, 0.5 + (random.Next(5) / 10.0)) : null;
            }
        }

        var expected = EveryVerdict(signals);
        var (decisions, reports) = SilentVerdicts(signals, random);

        decisions.Select(Describe).Should().Equal(expected.Select(Describe));
        reports.Should().BeLessThanOrEqualTo(s_all.Length * Bars);
    }

    [Fact]
    public void Without_signals_no_verdict_travels()
    {
        var (decisions, reports) = SilentVerdicts(new TradeSignal?[s_all.Length, Bars], new Random(1));

        decisions.Should().BeEmpty();
        reports.Should().Be(0);
    }

    [Fact]
    public void The_check_fails_when_the_gate_forgets_to_ask()
    {
        // The same play with a gate that never asks: a lone signal waits for verdicts that never come.
        var signals = new TradeSignal?[s_all.Length, Bars];
        signals[2, 5] = Signal("C", 5, 0.6);
        var gate = new BarSignalGate();
        var reporting = s_all.Select(_ => new VerdictReporting()).ToArray();
        var decided = new List<GateDecision>();
        for (var b = 0; b < Bars; b++)
        {
            for (var s = 0; s < s_all.Length; s++)
            {
                if (reporting[s].MustReport(Close(b), signals[s, b] is not null))
                {
                    decided.AddRange(gate.Report(new StrategyEvaluation(s_all[s], "BTCUSDT", Close(b), signals[s, b]), s_all, s_default));
                }
            }
        }

        decided.Should().BeEmpty();
        gate.PendingBars.Should().Be(1);
    }

    [Fact]
    public void Strategies_far_ahead_of_a_busy_gate_do_not_make_it_decide_without_them()
    {
        // C's signal of bar 5 waits in the gate's mailbox while A and B judge ten more bars on their own; their answers
        // arrive one after the other, and the first one (bar 15) must not decide the bar without the second.
        var gate = new BarSignalGate();
        var followers = new GateFollowers();
        var reporting = s_all.Select(_ => new VerdictReporting()).ToArray();
        for (var b = 0; b <= 15; b++)
        {
            reporting[0].MustReport(Close(b), hasSignal: false).Should().BeFalse();
            reporting[1].MustReport(Close(b), hasSignal: false).Should().BeFalse();
        }

        reporting[2].MustReport(Close(5), hasSignal: true).Should().BeTrue();
        var decisions = gate.Report(new StrategyEvaluation("C", "BTCUSDT", Close(5), Signal("C", 5, 0.6)), s_all, s_default).ToList();
        followers.NextToAsk(gate, s_all).Should().Be("A");
        followers.Asked("A");
        decisions.AddRange(gate.ReportSilent("A", reporting[0].Follow(everyBar: true)!.Value, s_all, s_default));
        decisions.Should().BeEmpty("B has not answered yet");
        followers.NextToAsk(gate, s_all).Should().Be("B");
        followers.Asked("B");
        decisions.AddRange(gate.ReportSilent("B", reporting[1].Follow(everyBar: true)!.Value, s_all, s_default));

        decisions.Should().ContainSingle().Which.Missing.Should().BeEmpty();
        decisions[0].Winner.Strategy.Should().Be("C");
    }

    [Fact]
    public void A_strategy_that_stops_reporting_still_cannot_block_a_held_bar()
    {
        var gate = new BarSignalGate();
        gate.Report(new StrategyEvaluation("A", "BTCUSDT", Close(5), Signal("A", 5, 0.7)), s_all, s_default).Should().BeEmpty();
        gate.ReportSilent("C", Close(4), s_all, s_default).Should().BeEmpty("C has not judged bar 5 yet and B never answers");

        // C follows and sends its verdicts; two minutes of bar time later the bar goes on without B.
        gate.Report(new StrategyEvaluation("C", "BTCUSDT", Close(6), null), s_all, s_default).Should().BeEmpty();
        var decision = gate.Report(new StrategyEvaluation("C", "BTCUSDT", Close(7), null), s_all, s_default).Single();
        decision.Winner.Strategy.Should().Be("A");
        decision.Missing.Should().Equal("B");
    }

    private static List<GateDecision> EveryVerdict(TradeSignal?[,] signals)
    {
        var gate = new BarSignalGate();
        var decisions = new List<GateDecision>();
        for (var b = 0; b < Bars; b++)
        {
            for (var s = 0; s < s_all.Length; s++)
            {
                decisions.AddRange(gate.Report(new StrategyEvaluation(s_all[s], "BTCUSDT", Close(b), signals[s, b]), s_all, s_default));
            }
        }

        gate.PendingBars.Should().Be(0);
        return decisions;
    }

    private static (List<GateDecision> Decisions, int Reports) SilentVerdicts(TradeSignal?[,] signals, Random random)
    {
        var gate = new BarSignalGate();
        var followers = new GateFollowers();
        var reporting = s_all.Select(_ => new VerdictReporting()).ToArray();
        var next = new int[s_all.Length];
        var waiting = new bool[s_all.Length];
        var mailbox = new Queue<(int Strategy, StrategyEvaluation Verdict)>();
        var decisions = new List<GateDecision>();
        var reports = 0;

        void Decided(IReadOnlyList<GateDecision> made)
        {
            foreach (var decision in made)
            {
                var bar = (int)(decision.BarClose - s_start).TotalMinutes - 1;
                next.Should().AllSatisfy(n => n.Should().BeGreaterThan(bar, "a bar is decided only once every strategy has judged it"));
                decisions.Add(decision);
            }
        }

        while (true)
        {
            // Strategies stay within a bar of each other (live they are milliseconds apart; MaxWait covers the rest).
            var slowest = next.Min();
            var steps = Enumerable.Range(0, s_all.Length).Where(s => !waiting[s] && next[s] < Bars && next[s] <= slowest + 1).ToList();
            if (mailbox.Count > 0)
            {
                steps.Add(-1);
            }

            if (steps.Count == 0)
            {
                break;
            }

            var step = steps[random.Next(steps.Count)];
            if (step >= 0)
            {
                var bar = next[step]++;
                var signal = signals[step, bar];
                if (reporting[step].MustReport(Close(bar), signal is not null))
                {
                    mailbox.Enqueue((step, new StrategyEvaluation(s_all[step], "BTCUSDT", Close(bar), signal)));
                    waiting[step] = true;
                    reports++;
                }

                continue;
            }

            // The gate's turn, as SignalGateGrain.ReportAsync does it.
            var (from, verdict) = mailbox.Dequeue();
            Decided(gate.Report(verdict, s_all, s_default));
            while (followers.NextToAsk(gate, s_all) is { } ask)
            {
                followers.Asked(ask);
                if (reporting[Array.IndexOf(s_all, ask)].Follow(everyBar: true) is { } silentThrough)
                {
                    Decided(gate.ReportSilent(ask, silentThrough, s_all, s_default));
                }
            }

            foreach (var release in followers.Release(gate))
            {
                reporting[Array.IndexOf(s_all, release)].Follow(everyBar: false);
            }

            waiting[from] = false;
        }

        next.Should().AllSatisfy(n => n.Should().Be(Bars));
        gate.PendingBars.Should().Be(0, "every held bar is decided once all strategies judged it");
        return (decisions, reports);
    }

    private static DateTimeOffset Close(int bar) => s_start.AddMinutes(bar + 1);

    private static TradeSignal Signal(string strategy, int bar, double confidence) =>
        new($"{strategy}:BTCUSDT:L:{Close(bar).ToUnixTimeMilliseconds()}", strategy, "BTCUSDT", Direction.Bullish, 100, 98, 106, confidence, [$"{strategy}-zone-{bar}"], Close(bar));

    private static string Describe(GateDecision d) =>
        $"{d.BarClose:HH:mm} {d.Winner.Id} over [{string.Join(",", d.Superseded.Select(s => s.Id).Order(StringComparer.Ordinal))}] missing [{string.Join(",", d.Missing)}] late {d.Late}";
}
