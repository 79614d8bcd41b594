namespace TradingBot.Contracts.Market;

/// <summary>A candle interval, in whole minutes (1m, 15m, 1h...).</summary>
public readonly record struct Timeframe(int Minutes)
{
    public static readonly Timeframe M1 = new(1);
    public static readonly Timeframe M15 = new(15);
    public static readonly Timeframe H1 = new(60);

    /// <summary>The interval as a <see cref="TimeSpan"/>.</summary>
    public TimeSpan Span => TimeSpan.FromMinutes(Minutes);

    /// <summary>Binance's interval name: 1m, 15m, 1h, 4h, 1d.</summary>
    public override string ToString() => Minutes switch
    {
        >= 1440 when Minutes % 1440 == 0 => $"{Minutes / 1440}d",
        >= 60 when Minutes % 60 == 0 => $"{Minutes / 60}h",
        _ => $"{Minutes}m",
    };

    /// <summary>Parses a Binance interval name.</summary>
    public static Timeframe Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var unit = text[^1];
        if (!int.TryParse(text.AsSpan(0, text.Length - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            throw new FormatException($"'{text}' is not a timeframe such as 1m, 15m, 1h.");
        }

        return unit switch
        {
            'm' => new Timeframe(n),
            'h' => new Timeframe(n * 60),
            'd' => new Timeframe(n * 1440),
            _ => throw new FormatException($"'{text}' is not a timeframe such as 1m, 15m, 1h."),
        };
    }

    /// <summary>The open time of the bucket that contains <paramref name="time"/>.</summary>
    public DateTimeOffset Floor(DateTimeOffset time)
    {
        var ticks = Span.Ticks;
        return new DateTimeOffset(time.UtcTicks - (time.UtcTicks % ticks), TimeSpan.Zero);
    }
}
