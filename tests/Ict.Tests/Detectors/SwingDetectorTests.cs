using TradingBot.Ict.Candles;
using TradingBot.Ict.Events;
using TradingBot.Ict.Swings;
using TradingBot.Ict.Tests.Support;

namespace TradingBot.Ict.Tests.Detectors;

public sealed class SwingDetectorTests
{
    private static List<IctEvent> Swings(Candle[] bars, int length = 2, bool quirk = false)
    {
        var ring = new CandleRing(64);
        var detector = new SwingDetector(new SwingOptions(length, quirk), 60_000);
        var buffer = new EventBuffer();
        var all = new List<IctEvent>();
        foreach (var bar in bars)
        {
            ring.Add(bar);
            buffer.Clear();
            detector.OnBar(ring, buffer);
            all.AddRange(buffer.Span.ToArray());
        }

        return all;
    }

    private static Candle[] Highs(params double[] highs) => TestBars.Of(highs.Select(h => (h - 0.5, h, h - 1, h - 0.5)).ToArray());

    [Fact]
    public void Swing_high_is_confirmed_exactly_L_bars_after_its_pivot()
    {
        var events = Swings(Highs(1, 2, 5, 3, 2, 1, 1.5), length: 2);
        var high = events.Single(e => e.Kind == IctEventKind.SwingConfirmed && e.Direction > 0);
        high.OriginIndex.Should().Be(2);
        high.BarIndex.Should().Be(4, "the window p−L+1 … p+L is complete at p+L");
        high.Level.Should().Be(5);
        events.Should().OnlyContain(e => e.BarIndex - e.OriginIndex >= 2, "S2: nothing refers to a bar later than t−L");
    }

    [Fact]
    public void Equal_highs_keep_the_earlier_swing()
    {
        // Two equal highs with no low between them: the second candidate is dropped, not a replacement.
        var events = Swings(Highs(1, 2, 5, 4.9, 5, 3, 2, 1), length: 2);
        events.Where(e => e.Direction > 0).Should().ContainSingle(e => e.Kind == IctEventKind.SwingConfirmed && e.OriginIndex == 2);
        events.Should().NotContain(e => e.Kind == IctEventKind.SwingReplaced);
    }

    [Fact]
    public void A_more_extreme_same_type_candidate_replaces_the_last_swing()
    {
        // Bar 5 is a wide bar: new highest high, and its low keeps the dip before it from being a swing low.
        var bars = TestBars.Of((0.5, 1, 0, 0.5), (1.5, 2, 1, 1.5), (4.5, 5, 4, 4.5), (4, 4.5, 3.5, 4), (4.1, 4.6, 3.6, 4.1), (2, 6, 1, 5), (2.5, 3, 2, 2.5), (1.8, 2, 1.5, 1.8), (0.8, 1, 0.5, 0.8));
        var events = Swings(bars, length: 2);
        var replaced = events.Single(e => e.Kind == IctEventKind.SwingReplaced);
        replaced.OriginIndex.Should().Be(5);
        replaced.BarIndex.Should().Be(7);
        replaced.RelatedIndex.Should().Be(2);
        replaced.Level.Should().Be(6);
    }

    [Fact]
    public void Warmup_quirk_suppresses_candidates_before_bar_2L_minus_1()
    {
        var bars = Highs(1, 5, 3, 2, 1, 2, 3, 4, 5, 6);
        Swings(bars, length: 2, quirk: false).Should().Contain(e => e.OriginIndex == 1);
        Swings(bars, length: 2, quirk: true).Should().NotContain(e => e.OriginIndex < 3);
    }

    [Fact]
    public void A_bar_that_is_both_extremes_is_a_high_only()
    {
        var bars = TestBars.Of((2, 3, 1.9, 2.5), (2.5, 2.9, 1.95, 2.1), (2, 10, 0, 5), (5, 6, 4, 5.5), (5, 6.5, 4.5, 6), (6, 6.2, 5, 5.5));
        var events = Swings(bars, length: 2);
        events.Should().ContainSingle(e => e.OriginIndex == 2).Which.Direction.Should().Be(1);
    }
}
