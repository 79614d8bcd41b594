using System.Globalization;

namespace TradingBot.Ict.Events;

/// <summary>
/// Stable identifier of a zone or fact: kind + direction + timeframe + open time of its origin bar.
/// Identical whichever bar the engine was started on, so strategies can cite it across restarts.
/// </summary>
public readonly record struct ZoneId(ZoneKind Kind, sbyte Direction, long TimeframeMs, long OriginTimeMs)
{
    /// <summary>e.g. <c>fvg+:15m:20240101T0915</c>. Allocates; for logs and journals, not hot paths.</summary>
    public override string ToString()
    {
        var tf = new Candles.Timeframe(TimeframeMs).ToString();
        var time = DateTime.UnixEpoch.AddMilliseconds(OriginTimeMs).ToString("yyyyMMdd'T'HHmm", CultureInfo.InvariantCulture);
        var sign = Direction switch { > 0 => "+", < 0 => "-", _ => string.Empty };
        return $"{Kind.ToString().ToLowerInvariant()}{sign}:{tf}:{time}";
    }
}
