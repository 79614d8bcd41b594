using TradingBot.Contracts.Market;
using TradingBot.Trading.Strategies;
using static TradingBot.Trading.Tests.Builders.Market;

namespace TradingBot.Trading.Tests.Strategies;

public sealed class StrategyATests
{
    private static readonly StrategySettings s_settings = new();
    private readonly StrategyA _rule = new();

    /// <summary>
    /// 1h bullish BOS at 01:00; 15m bullish FVG 100–102 formed 01:15; pools: buy-side 110 (15m), 120 (1h).
    /// Then 1m candles dip into the gap and a 1m bullish break closes at 103.
    /// </summary>
    private static (MarketView View, IndicatorSnapshot Trigger) LongSetup(Direction confirmationDirection = Direction.Bullish, bool touch = true, Zone[]? zones = null)
    {
        var view = new MarketView(Symbol);
        var h1Break = Break("BOS:1h", Timeframe.H1, Direction.Bullish, T0.AddHours(1));
        view.Apply(Snapshot(Candle(Timeframe.H1, T0, 95, 104, 94, 103), Direction.Bullish, pools: [Pool("POOL:1h", Timeframe.H1, LiquiditySide.BuySide, 120)], breaks: [h1Break]));
        var gap = Zone("FVG:15m", ZoneKind.FairValueGap, Timeframe.M15, Direction.Bullish, 102, 100, T0.AddMinutes(75));
        view.Apply(Snapshot(Candle(Timeframe.M15, T0.AddMinutes(60), 101, 105, 100.5m, 104), Direction.Bullish, zones: zones ?? [gap],
            pools: [Pool("POOL:15m", Timeframe.M15, LiquiditySide.BuySide, 110), Pool("SSL:15m", Timeframe.M15, LiquiditySide.SellSide, 90)]));
        var t = T0.AddMinutes(90);
        view.Apply(Snapshot(Candle(Timeframe.M1, t, 104, 104, touch ? 101.5m : 103.5m, 103.8m)));
        view.Apply(Snapshot(Candle(Timeframe.M1, t.AddMinutes(1), 103.8m, 104, 103.6m, 103.9m)));
        var trigger = Snapshot(Candle(Timeframe.M1, t.AddMinutes(2), 103.9m, 104.2m, 103.7m, 103m + 0.1m),
            breaks: [Break("BOS:1m", Timeframe.M1, confirmationDirection, t.AddMinutes(3))]);
        view.Apply(trigger);
        return (view, trigger);
    }

    [Fact]
    public void Enters_long_with_stop_below_the_zone_and_target_at_the_nearest_buy_side_pool()
    {
        var (view, trigger) = LongSetup();

        var signal = _rule.Evaluate(view, trigger, s_settings);

        signal.Should().NotBeNull();
        signal!.Direction.Should().Be(Direction.Bullish);
        signal.Entry.Should().Be(103.1m);
        signal.StopLoss.Should().Be(100m * 0.998m);
        signal.TakeProfit.Should().Be(110m);
        signal.ZoneIds.Should().Equal("FVG:15m", "BOS:1h", "BOS:1m", "POOL:15m");
        signal.Strategy.Should().Be("A");
        signal.Confidence.Should().BeInRange(0, 1);
    }

    [Fact]
    public void Ignores_a_1m_break_against_the_1h_bias()
    {
        var (view, trigger) = LongSetup(confirmationDirection: Direction.Bearish);
        _rule.Evaluate(view, trigger, s_settings).Should().BeNull();
    }

    [Fact]
    public void Needs_price_to_have_traded_into_the_zone()
    {
        var (view, trigger) = LongSetup(touch: false);
        _rule.Evaluate(view, trigger, s_settings).Should().BeNull();
    }

    [Fact]
    public void Scales_the_target_by_the_take_profit_adjustment()
    {
        var (view, trigger) = LongSetup();
        var signal = _rule.Evaluate(view, trigger, s_settings with { TakeProfitAdjustment = 0.5m });
        signal!.TakeProfit.Should().Be(103.1m + ((110m - 103.1m) * 0.5m));
    }

    [Fact]
    public void Only_reacts_to_1m_bars()
    {
        var (view, _) = LongSetup();
        _rule.Evaluate(view, view.Latest(Timeframe.M15)!, s_settings).Should().BeNull();
    }

    [Fact]
    public void Takes_the_latest_zone_and_on_a_tie_the_first_listed()
    {
        Zone Gap(string id, int minute) => Zone(id, ZoneKind.FairValueGap, Timeframe.M15, Direction.Bullish, 102, 100, T0.AddMinutes(minute));
        var (view, trigger) = LongSetup(zones: [Gap("FVG:older", 60), Gap("FVG:first", 75), Gap("FVG:second", 75)]);

        _rule.Evaluate(view, trigger, s_settings)!.ZoneIds[0].Should().Be("FVG:first");
    }

    [Fact]
    public void Only_the_confirmation_window_counts_as_having_traded_into_the_zone()
    {
        // The dip into the gap is the third-last 1m candle: inside a 3-minute window, outside a 2-minute one.
        var (view, trigger) = LongSetup();
        _rule.Evaluate(view, trigger, s_settings with { ConfirmationWindowMinutes = 3 }).Should().NotBeNull();
        _rule.Evaluate(view, trigger, s_settings with { ConfirmationWindowMinutes = 2 }).Should().BeNull();
    }
}
