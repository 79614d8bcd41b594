namespace TradingBot.Ict.Fvg;

/// <summary>How far price has come back into a fair value gap.</summary>
public enum FvgFill : byte
{
    Untouched,
    Touched,
    MidpointTouched,
    Filled,
}

/// <summary>An active fair value gap. Origin is the middle candle (the reference row).</summary>
public readonly record struct FvgZone(long OriginIndex, long OriginTimeMs, sbyte Direction, double Top, double Bottom, long CreatedIndex, FvgFill Fill)
{
    public double Midpoint => (Top + Bottom) / 2;

    /// <summary>Price whose crossing produces the next event (bullish: low ≤ it; bearish: high ≥ it).</summary>
    internal double NextThreshold => Direction > 0
        ? Fill switch { FvgFill.Untouched => Top, FvgFill.Touched => Midpoint, _ => Bottom }
        : Fill switch { FvgFill.Untouched => Bottom, FvgFill.Touched => Midpoint, _ => Top };
}
