namespace TradingBot.Exchange.Simulator.Market;

/// <summary>One OHLCV bar. <see cref="OpenTime"/> is the bar's opening time (UTC, ms).</summary>
public sealed record Candle(long OpenTime, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume)
{
    /// <summary>Open time as a UTC timestamp.</summary>
    public DateTimeOffset OpenAt => DateTimeOffset.FromUnixTimeMilliseconds(OpenTime);

    /// <summary>True when close ≥ open.</summary>
    public bool IsGreen => Close >= Open;
}
