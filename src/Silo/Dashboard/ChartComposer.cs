using System.Collections.Immutable;
using TradingBot.Contracts.Market;
using TradingBot.Contracts.Trading;
using TradingBot.Dashboard.Ports.Trading;
using TradingBot.Trading.Journal;
using GrainPosition = TradingBot.Contracts.Grains.PositionView;
using MarketSide = TradingBot.Contracts.Market.LiquiditySide;
using ViewSide = TradingBot.Dashboard.Ports.Trading.LiquiditySide;

namespace TradingBot.Silo.Dashboard;

/// <summary>
/// Builds one candle chart: the SymbolGrain's candles, the active zones and untaken pools of its
/// latest snapshot, recent sweeps and structure breaks, and entry/exit markers from the journal.
/// Every time is snapped to the open time of a candle on the chart, as the chart library requires.
/// </summary>
internal static class ChartComposer
{
    public static readonly ImmutableArray<Timeframe> Timeframes = [Timeframe.M1, Timeframe.M15, Timeframe.H1];

    /// <summary>The chart's timeframe, or null for anything but 1m, 15m, 1h.</summary>
    public static Timeframe? ParseTimeframe(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 4)
        {
            return null;
        }

        try
        {
            var timeframe = Timeframe.Parse(text);
            return Timeframes.Contains(timeframe) ? timeframe : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static CandleChartView Compose(
        string symbol,
        Timeframe timeframe,
        ImmutableArray<Candle> candles,
        IndicatorSnapshot? snapshot,
        IReadOnlyList<LiquiditySweep> sweeps,
        IReadOnlyList<StructureBreak> breaks,
        IReadOnlyList<TradeRecord> trades,
        GrainPosition? open)
    {
        ArgumentNullException.ThrowIfNull(sweeps);
        ArgumentNullException.ThrowIfNull(breaks);
        ArgumentNullException.ThrowIfNull(trades);
        var bars = candles.IsDefault ? [] : candles;
        var candleViews = bars.Select(c => new CandleView(c.OpenTime, c.Open, c.High, c.Low, c.Close, c.Volume)).ToList();
        if (bars.Length == 0)
        {
            return new CandleChartView(symbol, timeframe.ToString(), candleViews, [], [], []);
        }

        var first = bars[0].OpenTime;
        var last = bars[^1].OpenTime;
        var end = last + timeframe.Span;
        bool Visible(DateTimeOffset at) => at >= first && at <= end;
        DateTimeOffset Bar(DateTimeOffset at)
        {
            var open = timeframe.Floor(at);
            return open < first ? first : open > last ? last : open;
        }

        // Zones and pools carry the close time of the bar that revealed them: that bar's open is one tick earlier.
        DateTimeOffset Revealed(DateTimeOffset closeTime) => Bar(closeTime.AddTicks(-1));

        var zones = snapshot is null || snapshot.Zones.IsDefault
            ? []
            : snapshot.Zones.Select(z => new IctZoneView(Kind(z.Kind), z.Direction == Direction.Bullish ? ZoneDirection.Bullish : ZoneDirection.Bearish, Revealed(z.FormedAt), null, z.Bottom, z.Top)).ToList();
        var levels = snapshot is null || snapshot.Pools.IsDefault
            ? []
            : snapshot.Pools.Select(p => new LiquidityLevelView(Side(p.Side), p.Level, Revealed(p.FormedAt), null)).ToList();
        var markers = new List<ChartMarkerView>();
        foreach (var sweep in sweeps.Where(s => Visible(s.At)))
        {
            levels.Add(new LiquidityLevelView(Side(sweep.Side), sweep.Level, first, Revealed(sweep.At)));
            markers.Add(new ChartMarkerView(Revealed(sweep.At), ChartMarkerKind.Sweep, sweep.Side == MarketSide.BuySide ? PositionSide.Long : PositionSide.Short, sweep.Extreme,
                sweep.Side == MarketSide.BuySide ? "sweep BSL" : "sweep SSL"));
        }

        foreach (var structureBreak in breaks.Where(b => Visible(b.At)))
        {
            markers.Add(new ChartMarkerView(Revealed(structureBreak.At), ChartMarkerKind.StructureBreak, DashboardViews.Side(structureBreak.Direction), structureBreak.Level,
                structureBreak.Kind == StructureBreakKind.Bos ? "BOS" : "CHoCH"));
        }

        foreach (var trade in trades)
        {
            var side = DashboardViews.Side(trade.Direction);
            if (Visible(trade.OpenedAt))
            {
                markers.Add(new ChartMarkerView(Bar(trade.OpenedAt), ChartMarkerKind.Entry, side, trade.EntryPrice, $"{trade.Strategy} {(side == PositionSide.Long ? "long" : "short")}"));
            }

            if (Visible(trade.ClosedAt))
            {
                markers.Add(new ChartMarkerView(Bar(trade.ClosedAt), ChartMarkerKind.Exit, side, trade.ExitPrice, ExitText(trade.ExitReason)));
            }
        }

        if (open is { OpenedAt: { } openedAt } && openedAt <= end)
        {
            var side = DashboardViews.Side(open.Direction);
            markers.Add(new ChartMarkerView(Bar(openedAt), ChartMarkerKind.Entry, side, open.EntryPrice, $"{open.Strategy} {(side == PositionSide.Long ? "long" : "short")} (open)"));
        }

        return new CandleChartView(symbol, timeframe.ToString(), candleViews, zones, levels, [.. markers.OrderBy(m => m.Time)]);
    }

    private static IctZoneKind Kind(ZoneKind kind) => kind switch
    {
        ZoneKind.OrderBlock => IctZoneKind.OrderBlock,
        ZoneKind.FairValueGap => IctZoneKind.FairValueGap,
        _ => IctZoneKind.Breaker,
    };

    private static ViewSide Side(MarketSide side) => side == MarketSide.BuySide ? ViewSide.BuySide : ViewSide.SellSide;

    private static string ExitText(ExitReason reason) => reason switch
    {
        ExitReason.StopLoss => "SL",
        ExitReason.TakeProfit => "TP",
        ExitReason.EmergencyStop => "emergency",
        ExitReason.DailyLossLimit => "daily limit",
        _ => reason.ToString(),
    };
}
