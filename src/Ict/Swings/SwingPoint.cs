namespace TradingBot.Ict.Swings;

/// <summary>Label of a swing relative to the previous swing of the same type.</summary>
public enum SwingLabel : byte
{
    None,
    HigherHigh,
    LowerHigh,
    HigherLow,
    LowerLow,
}

/// <summary>A kept swing point. <see cref="Index"/> is −1 when there is none.</summary>
/// <param name="Index">Pivot bar index.</param>
/// <param name="TimeMs">Pivot bar open time (Unix ms).</param>
/// <param name="Direction">+1 swing high, −1 swing low.</param>
/// <param name="Level">High of a swing high, low of a swing low.</param>
/// <param name="Label">HH/LH/HL/LL versus the previous kept swing of the same type.</param>
public readonly record struct SwingPoint(long Index, long TimeMs, sbyte Direction, double Level, SwingLabel Label)
{
    public static SwingPoint None => new(-1, 0, 0, double.NaN, SwingLabel.None);

    public bool Exists => Index >= 0;
}
