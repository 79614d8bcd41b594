namespace TradingBot.Backtest.Running.Prefetch;

/// <summary>
/// Whether the SymbolGrains' indicator pipelines compute upcoming candles ahead on a background thread. The results
/// are the same in every mode; only where the work runs differs.
/// </summary>
public enum IndicatorPrefetch
{
    /// <summary>The live pipeline, computed inline on the run thread.</summary>
    Off,

    /// <summary>One worker thread computes ahead for every symbol.</summary>
    Shared,

    /// <summary>One worker thread per symbol.</summary>
    PerSymbol,
}
