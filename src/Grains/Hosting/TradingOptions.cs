using TradingBot.Trading.Risk;
using TradingBot.Trading.Strategies;

namespace TradingBot.Grains.Hosting;

/// <summary>Section <c>Trading</c>: what to trade and how. Core keys need a restart; risk and strategy values reload live.</summary>
public sealed class TradingOptions
{
    public const string Section = "Trading";

    /// <summary>Symbols to trade (2 by default, at most 5).</summary>
    /// <remarks>Bind through <see cref="TradingOptionsBinding"/>: the binder alone appends configured items to these defaults.</remarks>
    public string[] Symbols { get; set; } = ["BTCUSDT", "ETHUSDT"];

    /// <summary>Strategies to run (A, B, C).</summary>
    public string[] Strategies { get; set; } = ["A", "B", "C"];

    /// <summary>Closed candles loaded per timeframe at activation.</summary>
    public int HistoryCandles { get; set; } = 500;

    /// <summary>How often an open position's stop and target are verified on the exchange (0 = never, e.g. in backtests).</summary>
    public TimeSpan ProtectionCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Stop distance, as a fraction of entry, given to an adopted position that has no stop of ours.</summary>
    public decimal AdoptedStopFraction { get; set; } = 0.02m;

    /// <summary>Target distance, as a fraction of entry, given to an adopted position that has no target of ours.</summary>
    public decimal AdoptedTargetFraction { get; set; } = 0.04m;

    /// <summary>Retry delays for retryable order failures (PRD: 1 s, 2 s, 5 s).</summary>
    public TimeSpan[] OrderRetryDelays { get; set; } = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];

    public RiskSettings Risk { get; set; } = new();

    public StrategySettings Strategy { get; set; } = new();
}
