namespace TradingBot.Backtest.Results;

/// <summary>The metrics of one slice of a run (overall, one strategy or one symbol).</summary>
public sealed record PerformanceMetrics
{
    public int Trades { get; init; }
    public int Wins { get; init; }
    public int Losses { get; init; }
    public double WinRate { get; init; }
    public double? ProfitFactor { get; init; }
    public decimal NetProfit { get; init; }
    public decimal GrossProfit { get; init; }
    public decimal GrossLoss { get; init; }
    public double TotalReturn { get; init; }
    public double Cagr { get; init; }
    public double? Sharpe { get; init; }
    public double? Sortino { get; init; }
    public double MaxDrawdown { get; init; }
    public decimal MaxDrawdownAmount { get; init; }
    public double AverageR { get; init; }
    public double? SqN { get; init; }
    public decimal Expectancy { get; init; }
    public double Exposure { get; init; }
    public decimal FeesPaid { get; init; }
    public decimal FundingPaid { get; init; }
    public int LongestLosingStreak { get; init; }
    public IReadOnlyDictionary<string, int> RDistribution { get; init; } = new Dictionary<string, int>();

    /// <summary>What the equity-based figures were computed on.</summary>
    public string EquityBasis { get; init; } = "";
}
