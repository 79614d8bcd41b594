namespace TradingBot.Ict.Events;

/// <summary>
/// A fact that became known at the close of bar <see cref="BarIndex"/>. A plain struct so that emitting
/// events never allocates. Unused numeric fields are NaN (prices) or −1 (indices).
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="Direction">+1 bullish / swing high / buy-side, −1 bearish / swing low / sell-side.</param>
/// <param name="Zone">The zone or fact this event is about.</param>
/// <param name="BarIndex">Bar at whose close the fact became known (0-based count of candles fed).</param>
/// <param name="OriginIndex">Bar where the reference library writes the fact (pivot, middle candle, OB candle, pool anchor).</param>
/// <param name="Level">Main price level (swing level, broken level, pool level, previous high).</param>
/// <param name="Top">Zone top, NaN if not a zone.</param>
/// <param name="Bottom">Zone bottom, NaN if not a zone.</param>
/// <param name="RelatedIndex">Secondary bar index (replaced pivot, broken swing, pool member, missing bars), −1 if none.</param>
/// <param name="Volume">Order blocks: volume of the three bars ending at the break; NaN otherwise.</param>
/// <param name="Strength">Order blocks: min/max volume balance in percent; NaN otherwise.</param>
public readonly record struct IctEvent(
    IctEventKind Kind,
    sbyte Direction,
    ZoneId Zone,
    long BarIndex,
    long OriginIndex,
    double Level,
    double Top,
    double Bottom,
    long RelatedIndex,
    double Volume = double.NaN,
    double Strength = double.NaN);
