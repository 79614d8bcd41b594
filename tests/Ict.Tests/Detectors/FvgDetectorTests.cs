using TradingBot.Ict.Candles;
using TradingBot.Ict.Events;
using TradingBot.Ict.Fvg;
using TradingBot.Ict.Tests.Support;

namespace TradingBot.Ict.Tests.Detectors;

public sealed class FvgDetectorTests
{
    private static List<IctEvent> Run(Candle[] bars, FvgOptions options)
    {
        var ring = new CandleRing(64);
        var detector = new FvgDetector(options, 60_000);
        var buffer = new EventBuffer();
        var all = new List<IctEvent>();
        foreach (var bar in bars)
        {
            ring.Add(bar);
            buffer.Clear();
            detector.OnBar(ring, null, buffer);
            all.AddRange(buffer.Span.ToArray());
        }

        return all;
    }

    [Fact]
    public void Bullish_gap_is_emitted_at_the_third_candle_with_the_middle_candle_as_origin()
    {
        var bars = TestBars.Of((10, 11, 9, 10.5), (10.5, 14, 10.4, 13.8), (13.8, 15, 12, 14.5), (14.5, 15, 13, 14));
        var events = Run(bars, new FvgOptions());
        var created = events.Single(e => e.Kind == IctEventKind.FvgCreated);
        (created.BarIndex, created.OriginIndex, created.Top, created.Bottom, created.Direction).Should().Be((2L, 1L, 12.0, 11.0, (sbyte)1));
    }

    [Fact]
    public void Gap_with_a_doji_or_wrong_colour_middle_candle_is_ignored()
    {
        var doji = TestBars.Of((10, 11, 9, 10.5), (12, 14, 10.4, 12), (13.8, 15, 12, 14.5));
        var red = TestBars.Of((10, 11, 9, 10.5), (13, 14, 10.4, 12), (13.8, 15, 12, 14.5));
        Run(doji, new FvgOptions()).Should().BeEmpty();
        Run(red, new FvgOptions()).Should().BeEmpty();
    }

    [Fact]
    public void Equal_wicks_are_not_a_gap()
    {
        var bars = TestBars.Of((10, 11, 9, 10.5), (10.5, 14, 10.4, 13.8), (13.8, 15, 11, 14.5));
        Run(bars, new FvgOptions()).Should().BeEmpty("high[i−1] < low[i+1] is strict");
    }

    [Fact]
    public void Touch_midpoint_and_fill_are_separate_facts_and_one_bar_can_emit_all_three()
    {
        var bars = TestBars.Of((10, 11, 9, 10.5), (10.5, 14, 10.4, 13.8), (13.8, 15, 12, 14.5), (14.5, 15, 11.8, 14), (14, 14.2, 10.5, 11));
        var kinds = Run(bars, new FvgOptions()).Select(e => (e.Kind, e.BarIndex)).ToList();
        kinds.Should().Equal(
            (IctEventKind.FvgCreated, 2L),
            (IctEventKind.FvgTouched, 3L),
            (IctEventKind.FvgMidpointTouched, 4L),
            (IctEventKind.FvgFilled, 4L));
    }

    [Fact]
    public void Touch_at_exactly_the_top_counts()
    {
        var bars = TestBars.Of((10, 11, 9, 10.5), (10.5, 14, 10.4, 13.8), (13.8, 15, 12, 14.5), (14.5, 15, 12, 14));
        Run(bars, new FvgOptions()).Should().Contain(e => e.Kind == IctEventKind.FvgTouched && e.BarIndex == 3);
    }

    [Fact]
    public void Joined_consecutive_gaps_merge_onto_the_last_row_with_the_union()
    {
        var bars = TestBars.Of((10, 11, 9, 10.5), (10.5, 14, 10.4, 13.8), (13.8, 16, 12, 15.8), (15.8, 18, 15, 17.5), (17.5, 18, 16, 17));
        var events = Run(bars, new FvgOptions(JoinConsecutive: true));
        var merged = events.Single(e => e.Kind == IctEventKind.FvgMerged);
        (merged.OriginIndex, merged.RelatedIndex, merged.Top, merged.Bottom).Should().Be((2L, 1L, 15.0, 11.0));
        events.Should().NotContain(e => e.Kind == IctEventKind.FvgTouched && e.OriginIndex == 1, "the absorbed gap is never tested");
    }
}
