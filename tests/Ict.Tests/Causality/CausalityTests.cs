using TradingBot.Ict.Candles;
using TradingBot.Ict.Engine;
using TradingBot.Ict.Events;
using TradingBot.Ict.Tests.Support;

namespace TradingBot.Ict.Tests.Causality;

/// <summary>
/// For many cut points t, the events emitted up to t (and the snapshot at t) are identical whether the input
/// ends at t or continues: nothing the live engine says at t depends on later candles.
/// </summary>
public sealed class CausalityTests
{
    private const string Btc1m = "BTCUSDT-1m-spot-20220101-20240625.csv.gz";
    private const string Eth15m = "ETHUSDT-15m-futures-2024-2025.csv.gz";
    private const string Btc1h = "BTCUSDT-1h-futures-2020-2025.csv.gz";

    [CandleDataFact(Btc1m)]
    public void Btc_1m_events_up_to_each_cut_do_not_depend_on_later_candles() =>
        AssertPrefixStable(Fixtures.CandleFile(Btc1m).AsSpan(0, 300_000).ToArray(), IctOptions.For(Timeframe.M1, "BTCUSDT"), cuts: 50, seed: 1);

    [CandleDataFact(Eth15m)]
    public void Eth_15m_events_up_to_each_cut_do_not_depend_on_later_candles() =>
        AssertPrefixStable(Fixtures.CandleFile(Eth15m), IctOptions.For(Timeframe.M15, "ETHUSDT"), cuts: 10, seed: 2);

    [CandleDataFact(Btc1h)]
    public void Btc_1h_events_up_to_each_cut_do_not_depend_on_later_candles() =>
        AssertPrefixStable(Fixtures.CandleFile(Btc1h), IctOptions.For(Timeframe.H1, "BTCUSDT"), cuts: 10, seed: 3);

    [CandleDataFact(Btc1m)]
    public void Multi_timeframe_events_up_to_each_cut_do_not_depend_on_later_candles()
    {
        var minutes = Fixtures.CandleFile(Btc1m).AsSpan(0, 120_000).ToArray();
        var full = RunMtf(minutes);
        foreach (var cut in Cuts(minutes.Length, 10, seed: 4))
        {
            var prefix = RunMtf(minutes.AsSpan(0, cut + 1).ToArray());
            prefix.Should().Equal(full.Where(e => e.Minute <= cut), $"cut at minute {cut}");
        }
    }

    [CandleDataFact(Btc1m)]
    public void Every_event_is_emitted_no_earlier_than_its_facts_allow()
    {
        var options = IctOptions.For(Timeframe.M1, "BTCUSDT");
        var (events, _) = Run(Fixtures.CandleFile(Btc1m).AsSpan(0, 200_000).ToArray(), options, []);
        events.Should().NotBeEmpty();
        foreach (var e in events)
        {
            e.OriginIndex.Should().BeLessThanOrEqualTo(e.BarIndex);
            switch (e.Kind)
            {
                case IctEventKind.SwingConfirmed or IctEventKind.SwingReplaced:
                    e.OriginIndex.Should().Be(e.BarIndex - options.SwingLength, "S2: a swing is known L bars after its pivot");
                    break;
                case IctEventKind.FvgCreated:
                    e.OriginIndex.Should().Be(e.BarIndex - 1);
                    break;
                case IctEventKind.OrderBlockCreated or IctEventKind.BreakerCreated or IctEventKind.Bos or IctEventKind.Choch:
                    e.RelatedIndex.Should().BeLessThanOrEqualTo(e.BarIndex - options.SwingLength, "the broken swing was confirmed before the break");
                    break;
                default:
                    break;
            }
        }
    }

    private static void AssertPrefixStable(Candle[] candles, IctOptions options, int cuts, int seed)
    {
        var points = Cuts(candles.Length, cuts, seed);
        var (full, snapshots) = Run(candles, options, points);
        foreach (var cut in points)
        {
            var (prefix, prefixSnapshots) = Run(candles.AsSpan(0, cut + 1).ToArray(), options, [cut]);
            prefix.Should().Equal(full.Where(e => e.BarIndex <= cut), $"events up to bar {cut} must not depend on later candles");
            SameState(prefixSnapshots[cut], snapshots[cut]).Should().BeTrue($"snapshot at bar {cut}");
        }
    }

    private static int[] Cuts(int length, int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => random.Next(50, length - 1)).Distinct().Order().ToArray();
    }

    private static (List<IctEvent> Events, Dictionary<int, IctSnapshot> Snapshots) Run(Candle[] candles, IctOptions options, int[] snapshotAt)
    {
        var engine = new IctEngine(options);
        var events = new List<IctEvent>();
        var snapshots = new Dictionary<int, IctSnapshot>();
        var wanted = snapshotAt.ToHashSet();
        for (var i = 0; i < candles.Length; i++)
        {
            events.AddRange(engine.OnCandleClosed(candles[i]).Events.ToArray());
            if (wanted.Contains(i))
            {
                snapshots[i] = engine.Snapshot;
            }
        }

        return (events, snapshots);
    }

    private static List<(int Minute, IctEvent Event)> RunMtf(Candle[] minutes)
    {
        var mtf = MultiTimeframeIct.Standard("BTCUSDT");
        var events = new List<(int, IctEvent)>();
        for (var i = 0; i < minutes.Length; i++)
        {
            foreach (var e in mtf.OnMinuteClosed(minutes[i]).Events.ToArray())
            {
                events.Add((i, e));
            }
        }

        return events;
    }

    private static bool SameState(IctSnapshot a, IctSnapshot b) =>
        a.AsOfBarIndex == b.AsOfBarIndex && a.Trend == b.Trend
        && Equals(a.LastSwingHigh, b.LastSwingHigh) && Equals(a.LastSwingLow, b.LastSwingLow)
        && a.Fvgs.SequenceEqual(b.Fvgs) && a.OrderBlocks.SequenceEqual(b.OrderBlocks) && a.Breakers.SequenceEqual(b.Breakers)
        && a.LiquidityPools.SequenceEqual(b.LiquidityPools) && a.RecentSweeps.SequenceEqual(b.RecentSweeps)
        && a.RecentStructureBreaks.SequenceEqual(b.RecentStructureBreaks)
        && Equals(a.PreviousDay, b.PreviousDay) && Equals(a.PreviousWeek, b.PreviousWeek);
}
