namespace TradingBot.Ict.Candles;

/// <summary>
/// One closed candle. Prices are <see cref="double"/> on purpose: detectors compare prices only and the
/// reference library works in float64, so doubles give both speed and bit-exact parity.
/// </summary>
/// <param name="OpenTimeMs">Open time in Unix milliseconds, UTC (exchange kline convention).</param>
/// <param name="Open">Open price.</param>
/// <param name="High">High price.</param>
/// <param name="Low">Low price.</param>
/// <param name="Close">Close price.</param>
/// <param name="Volume">Base-asset volume (0 when unknown).</param>
public readonly record struct Candle(long OpenTimeMs, double Open, double High, double Low, double Close, double Volume)
{
    /// <summary>Open time as a UTC <see cref="DateTime"/>.</summary>
    public DateTime OpenTimeUtc => DateTime.UnixEpoch.AddMilliseconds(OpenTimeMs);

    /// <summary>True when the close is strictly above the open.</summary>
    public bool IsUpClose => Close > Open;

    /// <summary>True when the close is strictly below the open.</summary>
    public bool IsDownClose => Close < Open;

    /// <summary>Creates a candle from a UTC <see cref="DateTime"/> open time.</summary>
    public static Candle At(DateTime openTimeUtc, double open, double high, double low, double close, double volume = 0) =>
        new((long)(openTimeUtc - DateTime.UnixEpoch).TotalMilliseconds, open, high, low, close, volume);
}
