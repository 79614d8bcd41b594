namespace TradingBot.Exchange.Model;

/// <summary>Candle interval. Binance names via <see cref="KlineIntervals"/>.</summary>
public enum KlineInterval
{
    OneMinute,
    ThreeMinutes,
    FiveMinutes,
    FifteenMinutes,
    ThirtyMinutes,
    OneHour,
    TwoHours,
    FourHours,
    SixHours,
    EightHours,
    TwelveHours,
    OneDay,
    ThreeDays,
    OneWeek,
}

/// <summary>Conversions between <see cref="KlineInterval"/> and Binance's interval strings.</summary>
public static class KlineIntervals
{
    private static readonly (KlineInterval Interval, string Name, TimeSpan Duration)[] s_table =
    [
        (KlineInterval.OneMinute, "1m", TimeSpan.FromMinutes(1)),
        (KlineInterval.ThreeMinutes, "3m", TimeSpan.FromMinutes(3)),
        (KlineInterval.FiveMinutes, "5m", TimeSpan.FromMinutes(5)),
        (KlineInterval.FifteenMinutes, "15m", TimeSpan.FromMinutes(15)),
        (KlineInterval.ThirtyMinutes, "30m", TimeSpan.FromMinutes(30)),
        (KlineInterval.OneHour, "1h", TimeSpan.FromHours(1)),
        (KlineInterval.TwoHours, "2h", TimeSpan.FromHours(2)),
        (KlineInterval.FourHours, "4h", TimeSpan.FromHours(4)),
        (KlineInterval.SixHours, "6h", TimeSpan.FromHours(6)),
        (KlineInterval.EightHours, "8h", TimeSpan.FromHours(8)),
        (KlineInterval.TwelveHours, "12h", TimeSpan.FromHours(12)),
        (KlineInterval.OneDay, "1d", TimeSpan.FromDays(1)),
        (KlineInterval.ThreeDays, "3d", TimeSpan.FromDays(3)),
        (KlineInterval.OneWeek, "1w", TimeSpan.FromDays(7)),
    ];

    /// <summary>Binance name, e.g. "15m".</summary>
    public static string ToBinance(this KlineInterval interval) => Find(interval).Name;

    /// <summary>Length of one candle.</summary>
    public static TimeSpan Duration(this KlineInterval interval) => Find(interval).Duration;

    /// <summary>Parses a Binance interval name (case-sensitive: "1M" is a month and is not supported).</summary>
    public static bool TryParse(string? name, out KlineInterval interval)
    {
        foreach (var row in s_table)
        {
            if (string.Equals(row.Name, name, StringComparison.Ordinal))
            {
                interval = row.Interval;
                return true;
            }
        }

        interval = default;
        return false;
    }

    private static (KlineInterval Interval, string Name, TimeSpan Duration) Find(KlineInterval interval)
    {
        foreach (var row in s_table)
        {
            if (row.Interval == interval)
            {
                return row;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(interval), interval, "Unknown kline interval.");
    }
}
