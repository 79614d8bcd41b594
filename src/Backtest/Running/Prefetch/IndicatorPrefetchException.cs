namespace TradingBot.Backtest.Running.Prefetch;

/// <summary>The indicator pipeline failed (or its worker ended) while computing a candle ahead; the run cannot go on.</summary>
public sealed class IndicatorPrefetchException : Exception
{
    public IndicatorPrefetchException()
    {
    }

    public IndicatorPrefetchException(string message)
        : base(message)
    {
    }

    public IndicatorPrefetchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
