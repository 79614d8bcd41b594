namespace TradingBot.Exchange.Simulator.Market;

/// <summary>Binance kline interval names and their lengths.</summary>
public static class KlineInterval
{
    private static readonly Dictionary<string, TimeSpan> s_intervals = new(StringComparer.Ordinal)
    {
        ["1m"] = TimeSpan.FromMinutes(1),
        ["3m"] = TimeSpan.FromMinutes(3),
        ["5m"] = TimeSpan.FromMinutes(5),
        ["15m"] = TimeSpan.FromMinutes(15),
        ["30m"] = TimeSpan.FromMinutes(30),
        ["1h"] = TimeSpan.FromHours(1),
        ["2h"] = TimeSpan.FromHours(2),
        ["4h"] = TimeSpan.FromHours(4),
        ["6h"] = TimeSpan.FromHours(6),
        ["8h"] = TimeSpan.FromHours(8),
        ["12h"] = TimeSpan.FromHours(12),
        ["1d"] = TimeSpan.FromDays(1),
        ["3d"] = TimeSpan.FromDays(3),
        ["1w"] = TimeSpan.FromDays(7),
    };

    /// <summary>All supported names (1M is not served: calendar months are not fixed-length).</summary>
    public static IReadOnlyCollection<string> Names => s_intervals.Keys;

    /// <summary>Length of a named interval.</summary>
    public static bool TryParse(string name, out TimeSpan length) => s_intervals.TryGetValue(name, out length);

    /// <summary>Interval name for a length, or null.</summary>
    public static string? NameOf(TimeSpan length) =>
        s_intervals.FirstOrDefault(kv => kv.Value == length).Key;

    /// <summary>Start of the bar containing <paramref name="timeMs"/>. Weekly bars start on Monday like Binance's.</summary>
    public static long AlignDown(long timeMs, TimeSpan length)
    {
        var lengthMs = (long)length.TotalMilliseconds;
        // 1970-01-01 was a Thursday; Binance weeks start Monday 00:00 UTC (epoch + 4 days).
        var origin = length == TimeSpan.FromDays(7) ? -3 * 86_400_000L : 0L;
        return timeMs - (((timeMs - origin) % lengthMs) + lengthMs) % lengthMs;
    }
}
