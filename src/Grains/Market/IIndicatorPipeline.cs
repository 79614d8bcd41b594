using TradingBot.Contracts.Market;

namespace TradingBot.Grains.Market;

/// <summary>
/// The ICT engines of one symbol (1m, 15m, 1h) behind the SymbolGrain: native history warms each
/// timeframe, then closed 1m candles drive everything, higher timeframes aggregated from them.
/// </summary>
public interface IIndicatorPipeline
{
    /// <summary>Feeds closed history of one timeframe (oldest first) before live candles.</summary>
    void WarmUp(Timeframe timeframe, IReadOnlyList<Candle> closed);

    /// <summary>
    /// Feeds a closed 1m candle; returns the snapshots it produced, higher timeframes first
    /// (1h, then 15m, then 1m), so a strategy evaluating the 1m bar already sees them.
    /// </summary>
    IReadOnlyList<IndicatorSnapshot> OnMinuteClosed(Candle candle);

    /// <summary>The latest snapshot of a timeframe.</summary>
    IndicatorSnapshot? Latest(Timeframe timeframe);

    /// <summary>The last closed candles of a timeframe, oldest first.</summary>
    IReadOnlyList<Candle> Candles(Timeframe timeframe, int count);

    /// <summary>Open time of the last closed candle per timeframe.</summary>
    DateTimeOffset? LastClosed(Timeframe timeframe);
}
