using TradingBot.Ict.Events;
using TradingBot.Ict.Tests.Support;

namespace TradingBot.Ict.Tests.Detectors;

/// <summary>Causal pools of equal highs and their sweeps (§3.6h).</summary>
public sealed class LiquidityTests
{
    // L = 2: equal swing highs 11.0 at bars 1 and 5 (pool known at 7); bar 8 probes above.
    private static (double O, double H, double L, double C)[] EqualHighs(double probeHigh, double probeClose) =>
    [
        (9.5, 10.0, 9.0, 9.8),
        (9.8, 11.0, 9.5, 10.0),
        (10.0, 10.2, 9.2, 9.5),
        (9.5, 10.1, 9.3, 9.9),
        (9.9, 10.5, 9.1, 10.4),
        (10.4, 11.0, 9.6, 10.0),
        (10.0, 10.3, 9.4, 9.6),
        (9.6, 10.2, 9.35, 10.1),
        (10.1, probeHigh, 10.0, probeClose),
    ];

    private static List<IctEvent> Pools((double, double, double, double)[] bars) =>
        TestBars.Run(TestBars.Of(bars), TestBars.Options(2)).Where(e => e.Zone.Kind == ZoneKind.LiquidityPool).ToList();

    [Fact]
    public void Second_equal_high_forms_a_buy_side_pool_when_it_is_confirmed()
    {
        var formed = Pools(EqualHighs(10.5, 10.2)).Should().ContainSingle().Which;
        (formed.Kind, formed.BarIndex, formed.OriginIndex, formed.RelatedIndex, formed.Level, formed.Top).Should()
            .Be((IctEventKind.LiquidityPoolFormed, 7L, 1L, 5L, 11.0, 11.0));
    }

    [Fact]
    public void Wick_above_and_close_back_inside_is_a_sweep()
    {
        Pools(EqualHighs(11.3, 10.9)).Should().Contain(e => e.Kind == IctEventKind.LiquiditySweep && e.BarIndex == 8);
    }

    [Fact]
    public void Close_at_the_pool_level_counts_as_back_inside()
    {
        Pools(EqualHighs(11.3, 11.0)).Should().Contain(e => e.Kind == IctEventKind.LiquiditySweep && e.BarIndex == 8);
    }

    [Fact]
    public void Close_beyond_the_pool_is_a_run_not_a_sweep()
    {
        var events = Pools(EqualHighs(11.3, 11.2));
        events.Should().Contain(e => e.Kind == IctEventKind.LiquidityRun && e.BarIndex == 8);
        events.Should().NotContain(e => e.Kind == IctEventKind.LiquiditySweep);
    }

    [Fact]
    public void Trading_exactly_at_the_pool_level_does_not_take_it()
    {
        Pools(EqualHighs(11.0, 10.5)).Should().NotContain(e => e.Kind == IctEventKind.LiquiditySweep || e.Kind == IctEventKind.LiquidityRun);
    }

    [Fact]
    public void Sell_side_pool_is_the_mirror_image()
    {
        var mirrored = EqualHighs(11.3, 10.9).Select(b => (-b.O + 30, -b.L + 30, -b.H + 30, -b.C + 30)).ToArray();
        var events = Pools(mirrored);
        events.Should().Contain(e => e.Kind == IctEventKind.LiquidityPoolFormed && e.Direction == -1 && e.Level == 19.0);
        events.Should().Contain(e => e.Kind == IctEventKind.LiquiditySweep && e.Direction == -1 && e.BarIndex == 8);
    }
}
