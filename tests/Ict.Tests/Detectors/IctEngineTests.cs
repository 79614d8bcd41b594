using TradingBot.Ict.Candles;
using TradingBot.Ict.Engine;
using TradingBot.Ict.Events;
using TradingBot.Ict.Tests.Support;

namespace TradingBot.Ict.Tests.Detectors;

public sealed class IctEngineTests
{
    [Fact]
    public void Duplicates_out_of_order_and_invalid_candles_are_rejected_without_side_effects()
    {
        var engine = new IctEngine(TestBars.Options());
        var bars = TestBars.Of((1, 2, 0.5, 1.5), (1.5, 2.5, 1, 2));
        engine.OnCandleClosed(bars[0]).Accepted.Should().BeTrue();
        engine.OnCandleClosed(bars[1]).Accepted.Should().BeTrue();
        engine.OnCandleClosed(bars[1]).Status.Should().Be(IctUpdateStatus.RejectedNotAfterPrevious);
        engine.OnCandleClosed(bars[0]).Status.Should().Be(IctUpdateStatus.RejectedNotAfterPrevious);
        engine.OnCandleClosed(bars[1] with { OpenTimeMs = bars[1].OpenTimeMs + 60_000, High = 0 }).Status.Should().Be(IctUpdateStatus.RejectedInvalid);
        engine.OnCandleClosed(bars[1] with { OpenTimeMs = bars[1].OpenTimeMs + 60_000, Close = double.NaN }).Status.Should().Be(IctUpdateStatus.RejectedInvalid);
        engine.BarCount.Should().Be(2);
    }

    [Fact]
    public void Missing_candles_are_reported_as_a_gap_event_and_never_filled()
    {
        var engine = new IctEngine(TestBars.Options());
        var bars = TestBars.Of((1, 2, 0.5, 1.5), (1.5, 2.5, 1, 2));
        engine.OnCandleClosed(bars[0]);
        var update = engine.OnCandleClosed(bars[1] with { OpenTimeMs = bars[1].OpenTimeMs + (3 * 60_000) });
        var gap = update.Events.ToArray().Should().ContainSingle(e => e.Kind == IctEventKind.CandleGap).Which;
        gap.RelatedIndex.Should().Be(3);
        engine.BarCount.Should().Be(2);
    }

    [Fact]
    public void Snapshot_is_rebuilt_only_after_a_change_and_zone_ids_are_stable()
    {
        var engine = new IctEngine(TestBars.Options());
        var bars = TestBars.Of((10, 11, 9, 10.5), (10.5, 14, 10.4, 13.8), (13.8, 15, 12, 14.5), (14.5, 15.5, 13, 15), (15, 15.6, 14, 15.2));
        engine.OnCandleClosed(bars[0]);
        engine.OnCandleClosed(bars[1]);
        var before = engine.Snapshot;
        var update = engine.OnCandleClosed(bars[2]);
        update.SnapshotChanged.Should().BeTrue("a gap was created");
        var after = engine.Snapshot;
        after.Should().NotBeSameAs(before);
        var fvg = after.Fvgs.Should().ContainSingle().Which;
        fvg.Id.Should().Be(new ZoneId(ZoneKind.Fvg, 1, Timeframe.M1.Milliseconds, bars[1].OpenTimeMs));
        fvg.Id.ToString().Should().Be("fvg+:1m:20240101T0001");
        engine.Snapshot.Should().BeSameAs(after, "nothing changed since");
    }

    [Fact]
    public void Multi_timeframe_helper_feeds_higher_timeframes_only_when_they_close()
    {
        var mtf = MultiTimeframeIct.Standard("BTCUSDT");
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var closed15 = 0;
        var closed60 = 0;
        for (var i = 0; i < 120; i++)
        {
            var update = mtf.OnMinuteClosed(Candle.At(start.AddMinutes(i), 100, 101, 99, 100.5));
            closed15 += (update.ClosedMask >> 1) & 1;
            closed60 += (update.ClosedMask >> 2) & 1;
            ((update.ClosedMask >> 1) & 1).Should().Be(i % 15 == 14 ? 1 : 0);
        }

        (closed15, closed60).Should().Be((8, 2));
        var replay = mtf.OnMinuteClosed(Candle.At(start.AddMinutes(119), 100, 101, 99, 100.5));
        (replay.Status, replay.ClosedMask).Should().Be((IctUpdateStatus.RejectedNotAfterPrevious, 0), "a replayed kline is ignored, not thrown");
        mtf.Engine(Timeframe.H1).LastCandle.OpenTimeUtc.Should().Be(start.AddHours(1));
    }
}
