using TradingBot.Ict.Events;
using TradingBot.Ict.OrderBlocks;
using TradingBot.Ict.Tests.Support;

namespace TradingBot.Ict.Tests.Detectors;

/// <summary>Causal BOS/CHoCH state machine (§3.3h) and the order-block bar loop (§3.4) on one hand-made path.</summary>
public sealed class StructureAndOrderBlockTests
{
    // L = 2: swing high 11.0 at bar 1, swing low 9.1 at bar 4 (confirmed at 6). Bar 6 closes above 11.0, bar 7 below 9.1.
    private static (double O, double H, double L, double C)[] Path(double breakClose = 11.1) =>
    [
        (9.5, 10.0, 9.0, 9.8),
        (9.8, 11.0, 9.5, 10.0),
        (10.0, 10.2, 9.2, 9.5),
        (9.5, 10.1, 9.3, 9.9),
        (9.9, 10.5, 9.1, 10.4),
        (10.4, 10.9, 9.6, 10.8),
        (10.8, 11.2, 10.5, breakClose),
        (11.1, 11.15, 9.0, 9.05),
        (9.05, 11.0, 9.0, 9.5),
    ];

    [Fact]
    public void First_break_is_a_bos_and_the_break_against_the_trend_is_a_choch()
    {
        var breaks = TestBars.Run(TestBars.Of(Path()), TestBars.Options(2)).Where(e => e.Kind is IctEventKind.Bos or IctEventKind.Choch).ToList();
        breaks.Select(e => (e.Kind, e.Direction, e.BarIndex, e.OriginIndex, e.Level)).Should().Equal(
            (IctEventKind.Bos, (sbyte)1, 6L, 1L, 11.0),
            (IctEventKind.Choch, (sbyte)-1, 7L, 4L, 9.1));
    }

    [Fact]
    public void A_close_equal_to_the_swing_level_is_not_a_break()
    {
        var breaks = TestBars.Run(TestBars.Of(Path(breakClose: 11.0)), TestBars.Options(2)).Where(e => e.Kind is IctEventKind.Bos or IctEventKind.Choch).ToList();
        breaks.Should().NotContain(e => e.Direction > 0);
    }

    [Fact]
    public void Order_block_is_the_lowest_candle_between_the_swing_and_the_break_then_fails_and_is_removed()
    {
        var events = TestBars.Run(TestBars.Of(Path()), TestBars.Options(2)).Where(e => e.Zone.Kind == ZoneKind.OrderBlock).ToList();
        events.Select(e => (e.Kind, e.Direction, e.BarIndex, e.OriginIndex)).Should().Equal(
            (IctEventKind.OrderBlockCreated, (sbyte)1, 6L, 4L),
            (IctEventKind.OrderBlockFailed, (sbyte)1, 7L, 4L),
            (IctEventKind.OrderBlockCreated, (sbyte)-1, 7L, 6L),
            (IctEventKind.OrderBlockRemoved, (sbyte)1, 8L, 4L),
            (IctEventKind.OrderBlockTouched, (sbyte)-1, 8L, 6L));
        var bullish = events[0];
        (bullish.Top, bullish.Bottom, bullish.RelatedIndex).Should().Be((10.5, 9.1, 1L));
        events[1].RelatedIndex.Should().Be(7, "live mode records the failing bar");
    }

    [Fact]
    public void Reference_flag_reproduces_the_bullish_off_by_one()
    {
        var options = TestBars.Options(2) with { OrderBlocks = new OrderBlockOptions(FixBullishMitigatedIndex: false) };
        TestBars.Run(TestBars.Of(Path()), options).Single(e => e.Kind == IctEventKind.OrderBlockFailed && e.Direction > 0).RelatedIndex.Should().Be(6);
    }

    [Fact]
    public void Ties_in_the_extreme_pick_the_latest_bar()
    {
        var bars = Path();
        bars[2] = (10.0, 10.2, 9.1, 9.5);
        TestBars.Run(TestBars.Of(bars), TestBars.Options(2)).First(e => e.Kind == IctEventKind.OrderBlockCreated).OriginIndex.Should().Be(4);
    }

    [Fact]
    public void Last_opposite_variant_picks_the_last_down_close_candle_before_the_break()
    {
        // Down-close candles between swing 1 and break 6: bars 2 (10.0 → 9.5) only; bars 3, 4, 5 close up.
        var options = TestBars.Options(2) with { OrderBlocks = new OrderBlockOptions(Candle: OrderBlockCandle.LastOpposite) };
        var created = TestBars.Run(TestBars.Of(Path()), options).First(e => e.Kind == IctEventKind.OrderBlockCreated);
        (created.OriginIndex, created.Top, created.Bottom).Should().Be((2L, 10.2, 9.2));
    }
}
