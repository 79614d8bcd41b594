namespace TradingBot.Ict.Events;

/// <summary>What happened at the emission bar. Direction conventions are given per value.</summary>
public enum IctEventKind : byte
{
    /// <summary>Candles are missing before this bar (RelatedIndex = number of missing intervals).</summary>
    CandleGap,

    /// <summary>A swing candidate was appended to the swing list (+1 high, −1 low). The previous swing is now final.</summary>
    SwingConfirmed,

    /// <summary>A more extreme same-type candidate replaced the last swing (RelatedIndex = replaced pivot).</summary>
    SwingReplaced,

    /// <summary>A fair value gap became known (origin = middle candle).</summary>
    FvgCreated,

    /// <summary>The gap of RelatedIndex was merged into this gap (join-consecutive option).</summary>
    FvgMerged,

    /// <summary>First touch of the gap's near edge (the reference "MitigatedIndex").</summary>
    FvgTouched,

    /// <summary>First touch of the gap's midpoint (consequent encroachment).</summary>
    FvgMidpointTouched,

    /// <summary>Price traded through the far edge; the gap is fully filled and retired.</summary>
    FvgFilled,

    /// <summary>Break of structure: close beyond the latest swing in the trend direction (origin = broken pivot).</summary>
    Bos,

    /// <summary>Change of character: close beyond the latest swing against the trend (origin = broken pivot).</summary>
    Choch,

    /// <summary>An order block was created at its break bar (origin = OB candle, RelatedIndex = broken swing).</summary>
    OrderBlockCreated,

    /// <summary>Price re-entered the order block for the first time.</summary>
    OrderBlockTouched,

    /// <summary>Price traded through the order block (reference "MitigatedIndex"; the block becomes a failed OB).</summary>
    OrderBlockFailed,

    /// <summary>A failed order block was traded back through its other side and removed.</summary>
    OrderBlockRemoved,

    /// <summary>A breaker block formed: sweep of the prior swing then market-structure shift (origin = breaker candle).</summary>
    BreakerCreated,

    /// <summary>Price returned into the breaker zone for the first time (entry candidate).</summary>
    BreakerRetested,

    /// <summary>Close beyond the far side of the breaker; it is retired.</summary>
    BreakerInvalidated,

    /// <summary>A liquidity pool got its second member (origin = anchor swing; +1 buy-side, −1 sell-side).</summary>
    LiquidityPoolFormed,

    /// <summary>A further member joined an existing pool (RelatedIndex = member pivot).</summary>
    LiquidityPoolExtended,

    /// <summary>Wick beyond the pool and close back inside; the pool is retired.</summary>
    LiquiditySweep,

    /// <summary>Traded and closed beyond the pool ("taken"); the pool is retired.</summary>
    LiquidityRun,

    /// <summary>The previous-period levels changed (new day/week); Level = high, Bottom = low.</summary>
    PreviousPeriodRolled,

    /// <summary>First trade above the previous period high since the period switched.</summary>
    PreviousHighBroken,

    /// <summary>First trade below the previous period low since the period switched.</summary>
    PreviousLowBroken,
}
