namespace TradingBot.Dashboard.Ports.Trading;

/// <summary>What a chart marker stands for.</summary>
public enum ChartMarkerKind
{
    Entry,
    Exit,
    Sweep,
    StructureBreak,
}

/// <summary>A marker on a candle: entries, exits, liquidity sweeps, structure breaks.</summary>
/// <param name="Time">UTC open time of the candle the marker belongs to.</param>
/// <param name="Kind">Entry, exit, sweep or structure break.</param>
/// <param name="Side">Trade direction for entries/exits; for sweeps the side of the liquidity taken (Long = buy side). Null when not applicable.</param>
/// <param name="Price">Price of the event.</param>
/// <param name="Text">Short label, e.g. "A long" or "SL".</param>
public sealed record ChartMarkerView(DateTimeOffset Time, ChartMarkerKind Kind, PositionSide? Side, decimal Price, string Text);
