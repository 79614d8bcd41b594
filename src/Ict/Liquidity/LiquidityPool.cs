namespace TradingBot.Ict.Liquidity;

/// <summary>An open anchor or pool of equal highs (buy-side, +1) or equal lows (sell-side, −1).</summary>
/// <param name="AnchorIndex">First swing of the pool (the reference row).</param>
/// <param name="AnchorTimeMs">Open time of the anchor bar.</param>
/// <param name="Direction">+1 buy-side (swing highs), −1 sell-side (swing lows).</param>
/// <param name="AnchorLevel">Level of the anchor swing; members are matched against it.</param>
/// <param name="Threshold">Price beyond which the pool is retired.</param>
/// <param name="Members">Swings in the pool, anchor included (a pool needs ≥ 2).</param>
/// <param name="Sum">Sum of member levels, left to right (mean = Sum / Members, reference Level).</param>
/// <param name="Top">Highest member level.</param>
/// <param name="Bottom">Lowest member level.</param>
/// <param name="LastMemberIndex">Latest member pivot (reference End).</param>
public readonly record struct LiquidityPool(
    long AnchorIndex,
    long AnchorTimeMs,
    sbyte Direction,
    double AnchorLevel,
    double Threshold,
    int Members,
    double Sum,
    double Top,
    double Bottom,
    long LastMemberIndex)
{
    public double Mean => Sum / Members;

    public bool IsPool => Members >= 2;

    /// <summary>The level whose stops rest beyond it: top of buy-side pools, bottom of sell-side pools.</summary>
    public double Level => Direction > 0 ? Top : Bottom;
}
