using TradingBot.Contracts.Market;
using TradingBot.Trading.Strategies;
using static TradingBot.Trading.Tests.Builders.Market;

namespace TradingBot.Trading.Tests.Strategies;

public sealed class MarketViewTests
{
    private static IndicatorSnapshot Minute(int i, decimal low, decimal high, params LiquiditySweep[] sweeps) =>
        Snapshot(Candle(Timeframe.M1, T0.AddMinutes(i), low, high, low, high), sweeps: sweeps);

    [Fact]
    public void Keeps_the_last_120_minutes_oldest_first()
    {
        var view = new MarketView(Symbol);
        for (var i = 0; i < 150; i++)
        {
            view.Apply(Minute(i, 100 + i, 101 + i));
        }

        view.Recent1m.Select(c => c.OpenTime).Should().Equal(Enumerable.Range(30, 120).Select(i => T0.AddMinutes(i)));
    }

    [Theory]
    [InlineData(5, 3)]
    [InlineData(130, 15)]
    [InlineData(130, 200)]
    [InlineData(130, 0)]
    public void Recently_traded_looks_at_exactly_the_last_candles(int minutes, int window)
    {
        var view = new MarketView(Symbol);
        for (var i = 0; i < minutes; i++)
        {
            view.Apply(Minute(i, 100 + i, 100.5m + i));
        }

        // One zone per candle: it is "recently traded" exactly when its candle is among the last `window`.
        for (var i = 0; i < minutes; i++)
        {
            var zone = Zone($"z{i}", ZoneKind.FairValueGap, Timeframe.M15, Direction.Bullish, 100.4m + i, 100.1m + i, T0);
            var expected = i >= minutes - Math.Min(window, Math.Min(minutes, 120));
            view.RecentlyTraded(zone, window).Should().Be(expected, $"candle {i} of {minutes}, window {window}");
        }
    }

    [Fact]
    public void A_15m_sweep_is_possible_only_within_the_window_after_the_newest_one()
    {
        var view = new MarketView(Symbol);
        var window = TimeSpan.FromMinutes(60);
        view.MayHave15mSweepWithin(T0, window).Should().BeFalse("no sweep yet");

        view.Apply(Minute(0, 100, 101, Sweep("s1m", Timeframe.M1, LiquiditySide.SellSide, 100, 99, T0.AddMinutes(1))));
        view.MayHave15mSweepWithin(T0.AddMinutes(1), window).Should().BeFalse("a 1m sweep does not count");

        view.Apply(Snapshot(Candle(Timeframe.M15, T0, 100, 101, 99, 100), sweeps: [Sweep("s15", Timeframe.M15, LiquiditySide.SellSide, 100, 99, T0.AddMinutes(15))]));
        view.MayHave15mSweepWithin(T0.AddMinutes(15), window).Should().BeTrue();
        view.MayHave15mSweepWithin(T0.AddMinutes(75), window).Should().BeTrue("exactly the window");
        view.MayHave15mSweepWithin(T0.AddMinutes(76), window).Should().BeFalse();
        view.MayHave15mSweepWithin(T0.AddMinutes(5), window).Should().BeTrue("a sweep after the asked time proves nothing, so look");
    }

    [Fact]
    public void Latest_snapshots_are_kept_per_timeframe_including_unusual_ones()
    {
        var view = new MarketView(Symbol);
        var h4 = Snapshot(Candle(new Timeframe(240), T0, 1, 2, 0.5m, 1.5m));
        var m15 = Snapshot(Candle(Timeframe.M15, T0, 1, 2, 0.5m, 1.5m));
        view.Apply(h4);
        view.Apply(m15);

        view.Latest(new Timeframe(240)).Should().BeSameAs(h4);
        view.Latest(Timeframe.M15).Should().BeSameAs(m15);
        view.Latest(new Timeframe(15)).Should().BeSameAs(m15);
        view.Latest(Timeframe.H1).Should().BeNull();
        view.Latest(Timeframe.M1).Should().BeNull();
    }
}
