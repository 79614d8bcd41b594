namespace TradingBot.Ict.OrderBlocks;

/// <summary>An order block still tracked (never removed). <see cref="FailedIndex"/> ≥ 0 means it failed (price went through).</summary>
/// <param name="OriginIndex">The OB candle (extreme low/high strictly between the broken swing and the break bar).</param>
/// <param name="OriginTimeMs">Open time of the OB candle.</param>
/// <param name="Direction">+1 bullish (support), −1 bearish (resistance).</param>
/// <param name="Top">Zone top.</param>
/// <param name="Bottom">Zone bottom.</param>
/// <param name="CreatedIndex">Break bar at which the block became known.</param>
/// <param name="SwingIndex">The swing whose break created the block.</param>
/// <param name="Volume">Volume of the break bar and the two bars before it.</param>
/// <param name="Strength">min/max of (break + previous bar volume, bar before) in percent; 100 when both are 0.</param>
/// <param name="Touched">Price has re-entered the block since creation.</param>
/// <param name="FailedIndex">Bar recorded as the failure (reference MitigatedIndex), −1 while intact.</param>
public readonly record struct OrderBlock(
    long OriginIndex,
    long OriginTimeMs,
    sbyte Direction,
    double Top,
    double Bottom,
    long CreatedIndex,
    long SwingIndex,
    double Volume,
    double Strength,
    bool Touched,
    long FailedIndex)
{
    public bool IsFailed => FailedIndex >= 0;
}
