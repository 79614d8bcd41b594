namespace TradingBot.Ict.Events;

/// <summary>
/// Stable identifier of a zone or fact: kind + direction + timeframe + open time of its origin bar.
/// Identical whichever bar the engine was started on, so strategies can cite it across restarts.
/// </summary>
public readonly record struct ZoneId(ZoneKind Kind, sbyte Direction, long TimeframeMs, long OriginTimeMs)
{
    // Lower-case kind names by enum value (an enum name and ToLowerInvariant allocate on every call).
    private static readonly string[] s_kindNames = Enum.GetValues<ZoneKind>().Select(k => k.ToString().ToLowerInvariant()).ToArray();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<long, string> s_timeframeNames = new();

    /// <summary>e.g. <c>fvg+:15m:20240101T0915</c>. Allocates the string only; zone ids are formatted once per zone.</summary>
    public override string ToString()
    {
        var kind = (int)Kind < s_kindNames.Length && Enum.IsDefined(Kind) ? s_kindNames[(int)Kind] : Kind.ToString().ToLowerInvariant();
        var tf = s_timeframeNames.GetOrAdd(TimeframeMs, static ms => new Candles.Timeframe(ms).ToString());
        var sign = Direction switch { > 0 => "+", < 0 => "-", _ => string.Empty };
        var time = DateTime.UnixEpoch.AddMilliseconds(OriginTimeMs);
        // The "yyyyMMdd'T'HHmm" invariant pattern, written digit by digit: 4-digit zero-padded year, 2-digit fields.
        return string.Create(kind.Length + sign.Length + 1 + tf.Length + 1 + 13, (kind, sign, tf, time), static (span, state) =>
        {
            var (kind, sign, tf, time) = state;
            kind.CopyTo(span);
            var i = kind.Length;
            sign.CopyTo(span[i..]);
            i += sign.Length;
            span[i++] = ':';
            tf.CopyTo(span[i..]);
            i += tf.Length;
            span[i++] = ':';
            i = Digits(span, i, time.Year, 4);
            i = Digits(span, i, time.Month, 2);
            i = Digits(span, i, time.Day, 2);
            span[i++] = 'T';
            i = Digits(span, i, time.Hour, 2);
            Digits(span, i, time.Minute, 2);
        });
    }

    private static int Digits(Span<char> span, int at, int value, int width)
    {
        for (var k = width - 1; k >= 0; k--)
        {
            span[at + k] = (char)('0' + (value % 10));
            value /= 10;
        }

        return at + width;
    }
}
