namespace TradingBot.Backtest.Cli;

/// <summary>The <c>trading-bot backtest</c> options, already parsed by the command line layer (strings as typed).</summary>
public sealed record BacktestCliOptions
{
    public required IReadOnlyList<string> Data { get; init; }
    public string? Symbols { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public string Strategies { get; init; } = "A,B,C";

    /// <summary>Also run each strategy alone (per-strategy comparison).</summary>
    public bool Compare { get; init; }
    public string? Out { get; init; }
    public string? Db { get; init; }
    public decimal TakerFeePercent { get; init; } = 0.05m;
    public decimal MakerFeePercent { get; init; } = 0.02m;
    public decimal SlippageBps { get; init; } = 1m;
    public decimal VolatilitySlippage { get; init; }
    public decimal FundingRatePercent { get; init; } = 0.01m;
    public IReadOnlyList<string> FundingFiles { get; init; } = [];
    public decimal Balance { get; init; } = 10_000m;
    public bool TargetFirst { get; init; }

    /// <summary>Show the live progress bar (off when output is redirected).</summary>
    public bool Progress { get; init; } = true;
}
