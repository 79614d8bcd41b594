using TradingBot.Contracts.Market;
using TradingBot.Trading.Strategies;
using static TradingBot.Trading.Tests.Builders.Market;

namespace TradingBot.Trading.Tests.Strategies;

public sealed class StrategyBTests
{
    private static readonly StrategySettings s_settings = new();
    private readonly StrategyB _rule = new();

    private static (MarketView View, IndicatorSnapshot Trigger) Setup(TimeSpan sinceSweep, Direction gapDirection = Direction.Bullish)
    {
        var view = new MarketView(Symbol);
        var sweepAt = T0.AddHours(2);
        view.Apply(Snapshot(Candle(Timeframe.M15, sweepAt.AddMinutes(-15), 100, 101, 94, 99),
            pools: [Pool("BSL:15m", Timeframe.M15, LiquiditySide.BuySide, 108)],
            sweeps: [Sweep("SWP:15m", Timeframe.M15, LiquiditySide.SellSide, 95, 94, sweepAt)]));
        var now = sweepAt + sinceSweep;
        var gap = Zone("FVG:1m", ZoneKind.FairValueGap, Timeframe.M1, gapDirection, 99.5m, 98.5m, now);
        var trigger = Snapshot(Candle(Timeframe.M1, now.AddMinutes(-1), 99.6m, 100.2m, 99.5m, 100m), zones: [gap]);
        view.Apply(trigger);
        return (view, trigger);
    }

    [Fact]
    public void Enters_on_the_first_reversal_gap_after_a_15m_sweep()
    {
        var (view, trigger) = Setup(TimeSpan.FromMinutes(20));

        var signal = _rule.Evaluate(view, trigger, s_settings);

        signal.Should().NotBeNull();
        signal!.Direction.Should().Be(Direction.Bullish);
        signal.Entry.Should().Be(100m);
        signal.StopLoss.Should().Be(94m * 0.998m, "the sweep wick is below the gap, so it is the structural level");
        signal.TakeProfit.Should().Be(108m);
        signal.ZoneIds[0].Should().Be("SWP:15m");
    }

    [Fact]
    public void Ignores_gaps_after_the_sweep_window()
    {
        var (view, trigger) = Setup(TimeSpan.FromMinutes(61));
        _rule.Evaluate(view, trigger, s_settings).Should().BeNull();
    }

    [Fact]
    public void Ignores_gaps_in_the_sweep_direction()
    {
        var (view, trigger) = Setup(TimeSpan.FromMinutes(5), Direction.Bearish);
        _rule.Evaluate(view, trigger, s_settings).Should().BeNull();
    }
}
