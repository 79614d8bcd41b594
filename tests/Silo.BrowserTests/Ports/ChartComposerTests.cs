using System.Collections.Immutable;
using TradingBot.Contracts.Market;
using TradingBot.Contracts.Trading;
using TradingBot.Dashboard.Ports.Trading;
using TradingBot.Silo.Dashboard;
using TradingBot.Trading.Journal;
using MarketSide = TradingBot.Contracts.Market.LiquiditySide;

namespace TradingBot.Silo.BrowserTests.Ports;

public sealed class ChartComposerTests
{
    private static readonly DateTimeOffset s_start = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static ImmutableArray<Candle> Candles(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new Candle("BTCUSDT", Timeframe.M15, s_start.AddMinutes(15 * i), 100 + i, 102 + i, 99 + i, 101 + i, 10))];

    [Fact]
    public void Overlays_are_snapped_to_candle_open_times_and_markers_are_sorted()
    {
        var candles = Candles(10);
        var zone = new Zone("FVG:15m:1", ZoneKind.FairValueGap, Timeframe.M15, Direction.Bullish, 105m, 103m, s_start.AddMinutes(45), false);
        var oldZone = zone with { Id = "OB:old", Kind = ZoneKind.OrderBlock, FormedAt = s_start.AddDays(-3) };
        var pool = new LiquidityPool("P1", Timeframe.M15, MarketSide.BuySide, 112m, 2, s_start.AddMinutes(60));
        var snapshot = new IndicatorSnapshot("BTCUSDT", Timeframe.M15, candles[^1], Direction.Bullish, [zone, oldZone], [pool], [], [], null);
        var sweep = new LiquiditySweep("S1", Timeframe.M15, MarketSide.SellSide, 98m, 97.5m, s_start.AddMinutes(90));
        var bos = new StructureBreak("B1", Timeframe.M15, StructureBreakKind.Bos, Direction.Bullish, 104m, s_start.AddMinutes(75));
        var trade = new TradeRecord("t1", "B", "BTCUSDT", Direction.Bearish, 104m, 101m, 1m, 3m, 0.1m, 1m, ExitReason.TakeProfit, s_start.AddMinutes(20), s_start.AddMinutes(100));

        var chart = ChartComposer.Compose("BTCUSDT", Timeframe.M15, candles, snapshot, [sweep], [bos], [trade], null);

        chart.Candles.Should().HaveCount(10);
        chart.Zones.Select(z => z.From).Should().Equal(s_start.AddMinutes(30), s_start);
        chart.Zones[0].Kind.Should().Be(IctZoneKind.FairValueGap);
        chart.Zones[0].Low.Should().Be(103m);
        chart.Levels.Should().Contain(l => l.Price == 112m && l.SweptAt == null && l.From == s_start.AddMinutes(45));
        chart.Levels.Should().Contain(l => l.Price == 98m && l.SweptAt == s_start.AddMinutes(75));
        chart.Markers.Select(m => (m.Kind, m.Time, m.Text)).Should().Equal(
            (ChartMarkerKind.Entry, s_start.AddMinutes(15), "B short"),
            (ChartMarkerKind.StructureBreak, s_start.AddMinutes(60), "BOS"),
            (ChartMarkerKind.Sweep, s_start.AddMinutes(75), "sweep SSL"),
            (ChartMarkerKind.Exit, s_start.AddMinutes(90), "TP"));
        var candleTimes = chart.Candles.Select(c => c.OpenTime).ToHashSet();
        chart.Markers.Should().OnlyContain(m => candleTimes.Contains(m.Time));
    }

    [Fact]
    public void Unknown_timeframes_and_empty_history_are_handled()
    {
        ChartComposer.ParseTimeframe("15m").Should().Be(Timeframe.M15);
        ChartComposer.ParseTimeframe("4h").Should().BeNull();
        ChartComposer.ParseTimeframe("x").Should().BeNull();
        ChartComposer.ParseTimeframe("").Should().BeNull();
        var chart = ChartComposer.Compose("BTCUSDT", Timeframe.M1, [], null, [], [], [], null);
        chart.Candles.Should().BeEmpty();
        chart.Markers.Should().BeEmpty();
    }
}
