namespace TradingBot.Ict.Breakers;

/// <summary>An active breaker block.</summary>
/// <param name="OriginIndex">The breaker candle (last up-close candle of the C→D leg for a bullish breaker).</param>
/// <param name="OriginTimeMs">Open time of the breaker candle.</param>
/// <param name="Direction">+1 bullish (support), −1 bearish (resistance).</param>
/// <param name="Top">Zone top.</param>
/// <param name="Bottom">Zone bottom.</param>
/// <param name="CreatedIndex">Market-structure-shift bar at which the breaker became known.</param>
/// <param name="SweptSwingIndex">Swing C whose level was swept.</param>
/// <param name="BrokenSwingIndex">Swing D whose level was closed through.</param>
/// <param name="Retested">Price has come back into the zone since creation.</param>
public readonly record struct BreakerBlock(
    long OriginIndex,
    long OriginTimeMs,
    sbyte Direction,
    double Top,
    double Bottom,
    long CreatedIndex,
    long SweptSwingIndex,
    long BrokenSwingIndex,
    bool Retested);
