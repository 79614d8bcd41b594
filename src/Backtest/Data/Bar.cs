namespace TradingBot.Backtest.Data;

/// <summary>One OHLCV bar as loaded from a candle file; <see cref="OpenMs"/> is the bar's open time in Unix ms (UTC).</summary>
public readonly record struct Bar(long OpenMs, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume)
{
    public bool IsGreen => Close >= Open;
}
