using TradingBot.Contracts.Market;
using TradingBot.Trading.Strategies;
using static TradingBot.Trading.Tests.Builders.Market;

namespace TradingBot.Trading.Tests.Strategies;

public sealed class StrategyCTests
{
    private static readonly StrategySettings s_settings = new();
    private readonly StrategyC _rule = new();

    private static (MarketView View, IndicatorSnapshot Trigger) Setup(decimal close, TimeSpan sinceSweep, Direction trend = Direction.Bearish)
    {
        var view = new MarketView(Symbol);
        view.Apply(Snapshot(Candle(Timeframe.H1, T0, 110, 111, 100, 101), trend, pools: [Pool("SSL:1h", Timeframe.H1, LiquiditySide.SellSide, 90)]));
        var now = T0.AddHours(3);
        view.Apply(Snapshot(Candle(Timeframe.M1, now.AddMinutes(-20), 104, 106.5m, 104, 105),
            sweeps: [Sweep("SWP:1m", Timeframe.M1, LiquiditySide.BuySide, 106, 106.5m, now - sinceSweep)]));
        var ob = Zone("OB:15m", ZoneKind.OrderBlock, Timeframe.M15, Direction.Bearish, 106, 104, now.AddHours(-1));
        var trigger = Snapshot(Candle(Timeframe.M15, now.AddMinutes(-15), 105.5m, 105.8m, 103m, close), zones: [ob]);
        view.Apply(trigger);
        return (view, trigger);
    }

    [Fact]
    public void Enters_short_when_a_15m_candle_rejects_a_bearish_order_block_after_buy_side_was_swept()
    {
        var (view, trigger) = Setup(close: 103.5m, sinceSweep: TimeSpan.FromMinutes(30));

        var signal = _rule.Evaluate(view, trigger, s_settings);

        signal.Should().NotBeNull();
        signal!.Direction.Should().Be(Direction.Bearish);
        signal.StopLoss.Should().Be(106m * 1.002m);
        signal.TakeProfit.Should().Be(90m);
        signal.ZoneIds.Should().StartWith(["OB:15m", "SWP:1m"]);
    }

    [Fact]
    public void Needs_a_candle_closing_with_the_trend()
    {
        var (view, trigger) = Setup(close: 105.9m, sinceSweep: TimeSpan.FromMinutes(30));
        _rule.Evaluate(view, trigger, s_settings).Should().BeNull();
    }

    [Fact]
    public void Needs_a_recent_sweep()
    {
        var (view, trigger) = Setup(close: 103.5m, sinceSweep: TimeSpan.FromHours(3));
        _rule.Evaluate(view, trigger, s_settings).Should().BeNull();
    }

    [Fact]
    public void Needs_a_1h_trend_in_the_zone_direction()
    {
        var (view, trigger) = Setup(close: 103.5m, sinceSweep: TimeSpan.FromMinutes(30), trend: Direction.Bullish);
        _rule.Evaluate(view, trigger, s_settings).Should().BeNull();
    }
}
