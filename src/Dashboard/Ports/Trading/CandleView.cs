namespace TradingBot.Dashboard.Ports.Trading;

/// <summary>One OHLCV candle; <paramref name="OpenTime"/> is UTC.</summary>
public sealed record CandleView(DateTimeOffset OpenTime, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume);
