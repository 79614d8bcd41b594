namespace TradingBot.Backtest.Results;

/// <summary>
/// Performance figures from trades and an equity curve. Conventions: returns are daily (UTC days), annualised with
/// 365; Sharpe uses the sample standard deviation and no risk-free rate; Sortino divides by the downside deviation
/// √(Σ min(r,0)² / n); SQN = √n × mean(R) / sd(R); a win is a trade with net PnL &gt; 0, a loss one with net PnL &lt; 0.
/// </summary>
public static class MetricsCalculator
{
    private static readonly (string Name, double Upper)[] s_buckets =
    [
        ("< -2R", -2), ("-2R..-1R", -1), ("-1R..0R", 0), ("0R..1R", 1), ("1R..2R", 2), ("2R..3R", 3), (">= 3R", double.PositiveInfinity),
    ];

    /// <summary>Metrics from closed trades plus an equity description (daily closes, drawdown, exposure) of the same slice.</summary>
    public static PerformanceMetrics Compute(IReadOnlyList<TradeRecord> closed, decimal initialBalance, DateTimeOffset start, DateTimeOffset end, EquitySummary equity)
    {
        ArgumentNullException.ThrowIfNull(closed);
        ArgumentNullException.ThrowIfNull(equity);
        var wins = closed.Count(t => t.NetPnl > 0);
        var losses = closed.Count(t => t.NetPnl < 0);
        var grossProfit = closed.Where(t => t.NetPnl > 0).Sum(t => t.NetPnl);
        var grossLoss = closed.Where(t => t.NetPnl < 0).Sum(t => t.NetPnl);
        var rs = closed.Select(t => (double)t.RMultiple).ToArray();
        var distribution = s_buckets.ToDictionary(b => b.Name, _ => 0, StringComparer.Ordinal);
        foreach (var r in rs)
        {
            distribution[s_buckets.First(b => r < b.Upper).Name]++;
        }

        var streak = 0;
        var longest = 0;
        foreach (var trade in closed.OrderBy(t => t.ClosedAt))
        {
            streak = trade.NetPnl < 0 ? streak + 1 : 0;
            longest = Math.Max(longest, streak);
        }

        var final = equity.Final;
        var years = (end - start).TotalDays / 365.0;
        var returns = DailyReturns(equity.DailyCloses);
        return new PerformanceMetrics
        {
            Trades = closed.Count,
            Wins = wins,
            Losses = losses,
            WinRate = closed.Count == 0 ? 0 : (double)wins / closed.Count,
            ProfitFactor = grossLoss == 0 ? null : (double)(grossProfit / -grossLoss),
            NetProfit = closed.Sum(t => t.NetPnl),
            GrossProfit = grossProfit,
            GrossLoss = grossLoss,
            TotalReturn = initialBalance == 0 ? 0 : (double)((final - initialBalance) / initialBalance),
            Cagr = years <= 0 || initialBalance <= 0 ? 0 : final <= 0 ? -1 : Math.Pow((double)(final / initialBalance), 1 / years) - 1,
            Sharpe = Sharpe(returns),
            Sortino = Sortino(returns),
            MaxDrawdown = (double)equity.MaxDrawdown,
            MaxDrawdownAmount = equity.MaxDrawdownAmount,
            AverageR = rs.Length == 0 ? 0 : rs.Average(),
            SqN = Sqn(rs),
            Expectancy = closed.Count == 0 ? 0 : closed.Sum(t => t.NetPnl) / closed.Count,
            Exposure = equity.Exposure,
            FeesPaid = closed.Sum(t => t.Fees),
            FundingPaid = -closed.Sum(t => t.Funding),
            LongestLosingStreak = longest,
            RDistribution = distribution,
            EquityBasis = equity.Basis,
        };
    }

    public static double[] DailyReturns(IReadOnlyList<decimal> dailyCloses)
    {
        ArgumentNullException.ThrowIfNull(dailyCloses);
        var returns = new double[Math.Max(0, dailyCloses.Count - 1)];
        for (var i = 1; i < dailyCloses.Count; i++)
        {
            returns[i - 1] = dailyCloses[i - 1] == 0 ? 0 : (double)((dailyCloses[i] / dailyCloses[i - 1]) - 1);
        }

        return returns;
    }

    public static double? Sharpe(IReadOnlyList<double> returns)
    {
        ArgumentNullException.ThrowIfNull(returns);
        if (returns.Count < 2)
        {
            return null;
        }

        var mean = returns.Average();
        var sd = Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / (returns.Count - 1));
        return sd == 0 ? null : mean / sd * Math.Sqrt(365);
    }

    public static double? Sortino(IReadOnlyList<double> returns)
    {
        ArgumentNullException.ThrowIfNull(returns);
        if (returns.Count < 2)
        {
            return null;
        }

        var mean = returns.Average();
        var downside = Math.Sqrt(returns.Sum(r => r < 0 ? r * r : 0) / returns.Count);
        return downside == 0 ? null : mean / downside * Math.Sqrt(365);
    }

    public static double? Sqn(IReadOnlyList<double> rs)
    {
        ArgumentNullException.ThrowIfNull(rs);
        if (rs.Count < 2)
        {
            return null;
        }

        var mean = rs.Average();
        var sd = Math.Sqrt(rs.Sum(r => (r - mean) * (r - mean)) / (rs.Count - 1));
        return sd == 0 ? null : Math.Sqrt(rs.Count) * mean / sd;
    }

    /// <summary>
    /// Equity of a slice built from its closed trades only (initial balance + net PnL booked at each exit): used for
    /// per-strategy and per-symbol figures, where unrealized PnL cannot be split fairly.
    /// </summary>
    public static EquitySummary ClosedTradeEquity(IReadOnlyList<TradeRecord> closed, decimal initialBalance, DateTimeOffset start, DateTimeOffset end)
    {
        ArgumentNullException.ThrowIfNull(closed);
        var ordered = closed.OrderBy(t => t.ClosedAt).ToArray();
        var closes = new List<decimal> { initialBalance };
        var equity = initialBalance;
        var peak = initialBalance;
        decimal maxDd = 0, maxDdAmount = 0;
        var index = 0;
        for (var day = start.UtcDateTime.Date.AddDays(1); ; day = day.AddDays(1))
        {
            var cut = new DateTimeOffset(day > end.UtcDateTime ? end.UtcDateTime : day, TimeSpan.Zero);
            while (index < ordered.Length && ordered[index].ClosedAt <= cut)
            {
                equity += ordered[index].NetPnl;
                peak = Math.Max(peak, equity);
                maxDdAmount = Math.Max(maxDdAmount, peak - equity);
                maxDd = Math.Max(maxDd, peak <= 0 ? 0 : (peak - equity) / peak);

                index++;
            }

            closes.Add(equity);
            if (cut >= end)
            {
                break;
            }
        }

        var held = ordered.Sum(t => (t.ClosedAt - t.OpenedAt).TotalMinutes);
        var total = (end - start).TotalMinutes;
        return new EquitySummary(closes, equity, maxDd, maxDdAmount, total <= 0 ? 0 : Math.Min(1, held / total), "closed-trade equity (exits only)");
    }
}

/// <summary>Daily closing equity, drawdown and exposure of a slice.</summary>
/// <param name="DailyCloses">Equity at the start, then at each UTC midnight, then at the end.</param>
/// <param name="Final">Final equity.</param>
/// <param name="MaxDrawdown">Largest peak-to-trough fall as a fraction of the peak.</param>
/// <param name="MaxDrawdownAmount">The same fall in USDT.</param>
/// <param name="Exposure">Share of the run with a position open.</param>
/// <param name="Basis">What the equity includes.</param>
public sealed record EquitySummary(IReadOnlyList<decimal> DailyCloses, decimal Final, decimal MaxDrawdown, decimal MaxDrawdownAmount, double Exposure, string Basis);
