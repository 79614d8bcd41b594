namespace TradingBot.Backtest.Running;

/// <summary>Where a run is: candles done of the total, and when.</summary>
public readonly record struct BacktestProgress(long CandlesDone, long CandlesTotal, TimeSpan Elapsed, DateTimeOffset MarketTime)
{
    public double CandlesPerSecond => Elapsed.TotalSeconds > 0 ? CandlesDone / Elapsed.TotalSeconds : 0;

    public TimeSpan? Eta => CandlesPerSecond > 0 ? TimeSpan.FromSeconds((CandlesTotal - CandlesDone) / CandlesPerSecond) : null;
}
