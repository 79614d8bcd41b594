namespace TradingBot.Dashboard.Ports.Trading;

/// <summary>Kinds of price zone drawn as rectangles on the candle chart.</summary>
public enum IctZoneKind
{
    OrderBlock,
    FairValueGap,
    Breaker,
}

/// <summary>Bullish zones are drawn green, bearish red.</summary>
public enum ZoneDirection
{
    Bullish,
    Bearish,
}

/// <summary>An ICT zone (order block, FVG or breaker) between two prices, from a candle until it ends.</summary>
/// <param name="Kind">Order block, fair value gap or breaker.</param>
/// <param name="Direction">Bullish or bearish.</param>
/// <param name="From">UTC open time of the candle that formed it.</param>
/// <param name="To">UTC time it was mitigated or invalidated; null while still active (drawn to the right edge).</param>
/// <param name="Low">Lower price bound.</param>
/// <param name="High">Upper price bound.</param>
public sealed record IctZoneView(IctZoneKind Kind, ZoneDirection Direction, DateTimeOffset From, DateTimeOffset? To, decimal Low, decimal High);
