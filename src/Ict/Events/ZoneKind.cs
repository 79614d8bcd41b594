namespace TradingBot.Ict.Events;

/// <summary>Kind of fact a <see cref="ZoneId"/> names.</summary>
public enum ZoneKind : byte
{
    None,
    Swing,
    Fvg,
    OrderBlock,
    Breaker,
    LiquidityPool,
    Structure,
    PreviousDay,
    PreviousWeek,
}
