using TradingBot.Backtest.Running.Prefetch;
using TradingBot.Backtest.Simulation;

namespace TradingBot.Backtest.Running;

/// <summary>One backtest: which data, which strategies, how fills work.</summary>
public sealed record BacktestRequest
{
    /// <summary>Candle files or folders (CSV / CSV.gz named SYMBOL-INTERVAL-….csv[.gz]).</summary>
    public required IReadOnlyList<string> DataPaths { get; init; }

    /// <summary>Symbols to trade; null = every symbol that has files.</summary>
    public IReadOnlyList<string>? Symbols { get; init; }

    /// <summary>First bar to trade (UTC); null = as soon as the warm-up allows.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Exclusive end (UTC); null = end of data.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Strategies to run together in this run (A, B, C).</summary>
    public IReadOnlyList<string> Strategies { get; init; } = ["A", "B", "C"];

    public FillModel Fill { get; init; } = new();

    /// <summary>Constant funding rate per 8 h when no funding file is given (0.01 % by default).</summary>
    public decimal FundingRate { get; init; } = 0.0001m;

    /// <summary>Funding-rate files (funding_time_ms,rate); when given they replace the constant.</summary>
    public IReadOnlyList<string> FundingFiles { get; init; } = [];

    public decimal InitialBalance { get; init; } = 10_000m;

    /// <summary>Closed bars per timeframe the SymbolGrain loads before trading (the live HistoryCandles).</summary>
    public int WarmupBars { get; init; } = 500;

    /// <summary>
    /// Whether the indicator pipelines compute the upcoming candles ahead on a worker thread (same results in every
    /// mode; see docs/backtesting.md, Performance).
    /// </summary>
    public IndicatorPrefetch IndicatorPrefetch { get; init; } = IndicatorPrefetch.Shared;

    /// <summary>Results computed ahead per symbol at most (benchmarks try other sizes).</summary>
    internal int IndicatorPrefetchCapacity { get; init; } = PrefetchingPipelineFactory.DefaultCapacity;

    /// <summary>Test seam: the real indicator pipelines (the live ones when null), computed ahead or not per <see cref="IndicatorPrefetch"/>.</summary>
    internal Grains.Market.IIndicatorPipelineFactory? Pipelines { get; init; }

    /// <summary>Extra configuration keys for the grains (e.g. "Trading:Risk:RiskPerTrade").</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();
}
