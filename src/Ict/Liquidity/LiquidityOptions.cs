namespace TradingBot.Ict.Liquidity;

/// <summary>How pools are matched and retired.</summary>
public enum LiquidityRule : byte
{
    /// <summary>
    /// Causal: members within a tolerance below (buy-side) the anchor; the pool is retired at the first trade
    /// strictly beyond its top (sweep if the close is back at/inside, run otherwise).
    /// </summary>
    Causal,

    /// <summary>Reference (smc.liquidity): members within ±tolerance of the anchor; swept at the first trade ≥ anchor + tolerance.</summary>
    Reference,
}

/// <summary>Liquidity pool parameters (§3.6).</summary>
/// <param name="Rule">Matching and retirement rule.</param>
/// <param name="FixedTolerance">Tolerance in price units (reference pip_range); used when &gt; 0, otherwise ATR-based.</param>
/// <param name="AtrMultiple">Causal tolerance = max(MinTolerance, AtrMultiple × ATR) at the time a member is confirmed.</param>
/// <param name="MinTolerance">Floor for the causal tolerance (e.g. a few ticks).</param>
/// <param name="MaxActive">Most recent open anchors kept per side; older ones are dropped silently.</param>
public sealed record LiquidityOptions(
    LiquidityRule Rule = LiquidityRule.Causal,
    double FixedTolerance = 0,
    double AtrMultiple = 0.1,
    double MinTolerance = 0,
    int MaxActive = 500);
