using TradingBot.Ict.Engine;
using TradingBot.Ict.Fvg;
using TradingBot.Ict.Liquidity;
using TradingBot.Ict.OrderBlocks;
using TradingBot.Ict.Reference;
using TradingBot.Ict.Tests.Support;

namespace TradingBot.Ict.Tests.Parity;

/// <summary>
/// §5 "causality tests with no golden data": the live detectors on the golden input, with the agreement
/// figures of the research note (O2, B2) as regression snapshots.
/// </summary>
public sealed class LiveAgreementTests
{
    private const string Input = "EURUSD_15M.csv";

    private static IctOptions ReferenceFlavouredLive() => new()
    {
        SwingLength = 5,
        Timeframe = new TradingBot.Ict.Candles.Timeframe(1),
        SwingWarmupQuirk = true,
        StructureFloat32Levels = true,
        Fvg = new FvgOptions(RetireOnFirstTouch: true, MaxActive: int.MaxValue),
        OrderBlocks = new OrderBlockOptions(FixBullishMitigatedIndex: false, Float32Levels: true, MaxActive: int.MaxValue),
        Liquidity = new LiquidityOptions(MaxActive: int.MaxValue),
        TrackPreviousDay = false,
        TrackPreviousWeek = false,
    };

    private static EventTableRecorder RunLive(IctOptions options)
    {
        var bars = Fixtures.EurUsd;
        var engine = new IctEngine(options);
        var recorder = new EventTableRecorder(bars.Length);
        for (var t = 0; t < bars.Length; t++)
        {
            recorder.Apply(engine.OnCandleClosed(bars[t] with { OpenTimeMs = t }).Events.Span);
        }

        recorder.Finish(Fixtures.EurUsd, sharedRowState: true);
        return recorder;
    }

    [ReferenceFact(Input, "ob_result_data.csv")]
    public void O2_reference_bar_loop_on_causal_swings_gives_62_identical_4_missing_8_extra()
    {
        var live = RunLive(ReferenceFlavouredLive()).OrderBlocks;
        var expected = Fixtures.Expected("ob_result_data.csv");
        var expectedRows = Enumerable.Range(0, expected.Rows).Where(r => !double.IsNaN(expected.Values[0][r])).ToList();
        var liveRows = live.SortedRows().Select(r => (int)r).ToList();
        var identical = expectedRows.Where(r => live.Has(r) && Enumerable.Range(0, 6).All(c => SameF32(expected.Values[c][r], live.Get(r, c)))).ToList();
        var missing = expectedRows.Except(liveRows).ToList();
        var extra = liveRows.Except(expectedRows).ToList();
        (identical.Count, string.Join(",", missing), string.Join(",", extra)).Should().Be((62, "2965,10934,20907,23890", "1788,2305,2970,20913,22440,23895,23951,24292"));
    }

    [ReferenceFact(Input, "bos_choch_result_data.csv")]
    public void B2_live_breaks_hit_most_reference_events_on_the_same_swing_at_the_same_bar()
    {
        var live = RunLive(ReferenceFlavouredLive()).Structure;
        var expected = Fixtures.Expected("bos_choch_result_data.csv");
        var referenceEvents = Enumerable.Range(0, expected.Rows)
            .Where(r => !double.IsNaN(expected.Values[0][r]) || !double.IsNaN(expected.Values[1][r]))
            .ToList();
        var hits = referenceEvents.Count(r => live.Has(r) && live.Get(r, 3) == expected.Values[3][r]);
        referenceEvents.Should().HaveCount(1129);
        live.StoredRows.Should().Be(1214);
        hits.Should().Be(1063);
    }

    private static bool SameF32(double a, double b) =>
        double.IsNaN(a) || double.IsNaN(b) ? double.IsNaN(a) && double.IsNaN(b) : (float)a == (float)b;
}
