namespace TradingBot.Dashboard.Ports.Trading;

/// <summary>Everything drawn on one symbol/timeframe chart.</summary>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="Timeframe">e.g. 1m, 15m, 1h.</param>
/// <param name="Candles">Oldest first.</param>
/// <param name="Zones">Order blocks, FVGs and breakers overlapping the candles.</param>
/// <param name="Levels">Liquidity levels.</param>
/// <param name="Markers">Entry/exit/sweep/structure markers.</param>
public sealed record CandleChartView(
    string Symbol,
    string Timeframe,
    IReadOnlyList<CandleView> Candles,
    IReadOnlyList<IctZoneView> Zones,
    IReadOnlyList<LiquidityLevelView> Levels,
    IReadOnlyList<ChartMarkerView> Markers);

/// <summary>The symbols and timeframes a chart can be requested for.</summary>
public sealed record ChartCatalogView(IReadOnlyList<string> Symbols, IReadOnlyList<string> Timeframes);
