namespace TradingBot.Contracts.Market;

/// <summary>A closed candle as the exchange reports it. Times are UTC; OpenTime is the bar's start.</summary>
public sealed record Candle(
    string Symbol,
    Timeframe Timeframe,
    DateTimeOffset OpenTime,
    decimal Open,
    decimal High,
    decimal Low,
    decimal Close,
    decimal Volume)
{
    /// <summary>The instant the candle closed (exclusive end of its interval).</summary>
    public DateTimeOffset CloseTime => OpenTime + Timeframe.Span;

    public bool IsBullish => Close > Open;

    public bool IsBearish => Close < Open;
}
