namespace TradingBot.Ict.Primitives;

/// <summary>The reference library stores some levels as float32 and then compares doubles with them.</summary>
internal static class Float32
{
    /// <summary>Rounds to float32 and back when <paramref name="enabled"/>; identity otherwise.</summary>
    public static double Round(double value, bool enabled) => enabled ? (float)value : value;
}
