using TradingBot.Ict.Candles;
using TradingBot.Ict.Events;
using TradingBot.Ict.Tests.Support;

namespace TradingBot.Ict.Tests.Detectors;

/// <summary>§3.5 causal breaker: C low, D high, a low below C after D (sweep), first close above D (MSS).</summary>
public sealed class BreakerBlockTests
{
    // L = 2. Swing low C at bar 1 (9.0), swing high D at bar 3 (11.0, an up-close candle), sweep low 8.8 at bar 5, MSS close 11.4 at bar 8.
    private static (double O, double H, double L, double C)[] Bullish(double sweepLow = 8.8, double mssClose = 11.4) =>
    [
        (10.0, 10.5, 9.5, 10.2),
        (10.2, 10.6, 9.0, 9.2),
        (9.2, 10.8, 9.1, 10.7),
        (10.7, 11.0, 10.0, 10.9),
        (10.9, 10.95, 9.8, 9.9),
        (9.9, 10.0, sweepLow, 9.0),
        (9.0, 9.6, 8.9, 9.5),
        (9.5, 10.9, 9.4, 10.8),
        (10.8, 11.5, 10.7, mssClose),
    ];

    private static List<IctEvent> Breakers(IEnumerable<Candle> bars) =>
        TestBars.Run(bars, TestBars.Options(2)).Where(e => e.Kind is IctEventKind.BreakerCreated or IctEventKind.BreakerRetested or IctEventKind.BreakerInvalidated).ToList();

    [Fact]
    public void Sweep_then_structure_shift_makes_the_last_up_close_candle_of_the_leg_a_bullish_breaker()
    {
        var created = Breakers(TestBars.Of(Bullish())).Should().ContainSingle().Which;
        created.Kind.Should().Be(IctEventKind.BreakerCreated);
        (created.BarIndex, created.OriginIndex, created.Top, created.Bottom, created.RelatedIndex).Should().Be((8L, 3L, 11.0, 10.0, 3L));
        created.Direction.Should().Be(1);
    }

    [Fact]
    public void A_low_equal_to_the_prior_swing_low_is_not_a_sweep()
    {
        var bars = Bullish(sweepLow: 9.0);
        bars[6] = (9.0, 9.6, 9.05, 9.5);
        Breakers(TestBars.Of(bars)).Should().BeEmpty("the sweep needs a low strictly below C");
    }

    [Fact]
    public void A_close_equal_to_the_swing_high_is_not_a_shift_and_the_first_close_above_counts()
    {
        var bars = TestBars.Of([.. Bullish(mssClose: 11.0), (11.0, 11.3, 10.95, 11.2)]);
        Breakers(bars).Should().ContainSingle(e => e.Kind == IctEventKind.BreakerCreated).Which.BarIndex.Should().Be(9);
    }

    [Fact]
    public void Retest_then_close_below_the_bottom_invalidates()
    {
        var bars = TestBars.Of([.. Bullish(), (11.4, 11.6, 10.9, 11.5), (11.5, 11.5, 9.7, 9.9)]);
        Breakers(bars).Select(e => (e.Kind, e.BarIndex)).Should().Equal(
            (IctEventKind.BreakerCreated, 8L),
            (IctEventKind.BreakerRetested, 9L),
            (IctEventKind.BreakerInvalidated, 10L));
    }

    [Fact]
    public void No_up_close_candle_in_the_leg_means_no_breaker()
    {
        var bars = Bullish();
        bars[2] = (10.7, 10.8, 9.1, 9.3);
        bars[3] = (10.95, 11.0, 10.0, 10.9);
        Breakers(TestBars.Of(bars)).Should().BeEmpty();
    }

    [Fact]
    public void Bearish_breaker_is_the_mirror_image()
    {
        var mirrored = Bullish().Select(b => (-b.O + 30, -b.L + 30, -b.H + 30, -b.C + 30)).ToArray();
        var created = Breakers(TestBars.Of(mirrored)).Should().ContainSingle().Which;
        (created.Direction, created.BarIndex, created.OriginIndex, created.Top, created.Bottom).Should().Be(((sbyte)-1, 8L, 3L, 20.0, 19.0));
    }
}
