using System.Globalization;

namespace TradingBot.Exchange.Binance.Json;

/// <summary>Request-parameter formatting: invariant culture, no exponent, no thousands separator, no trailing zeros.</summary>
public static class BinanceFormat
{
    /// <summary>Formats a decimal as Binance expects it, e.g. 58000.0m → "58000", 0.010m → "0.01".</summary>
    public static string Decimal(decimal value) =>
        value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>Lower-case boolean.</summary>
    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>Unix milliseconds.</summary>
    public static string Millis(DateTimeOffset value) =>
        value.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}
