namespace TradingBot.Contracts.Market;

/// <summary>
/// An active price zone (order block, fair value gap, breaker). <see cref="Id"/> is stable for the
/// zone's life, so a signal can cite the zones that justify it.
/// </summary>
/// <param name="Id">Stable id, e.g. "FVG:15m:1715000400000".</param>
/// <param name="Kind">Order block, fair value gap or breaker.</param>
/// <param name="Timeframe">The timeframe the zone was found on.</param>
/// <param name="Direction">Bullish zones support longs; bearish zones support shorts.</param>
/// <param name="Top">Upper edge.</param>
/// <param name="Bottom">Lower edge.</param>
/// <param name="FormedAt">Close time of the bar at which the zone became known.</param>
/// <param name="Touched">Whether price has re-entered the zone since it formed.</param>
public sealed record Zone(
    string Id,
    ZoneKind Kind,
    Timeframe Timeframe,
    Direction Direction,
    decimal Top,
    decimal Bottom,
    DateTimeOffset FormedAt,
    bool Touched)
{
    /// <summary>The edge a stop-loss sits beyond: bottom for bullish zones, top for bearish ones.</summary>
    public decimal FarSide => Direction == Direction.Bullish ? Bottom : Top;

    /// <summary>True when [low, high] overlaps the zone.</summary>
    public bool Overlaps(decimal low, decimal high) => low <= Top && high >= Bottom;
}
