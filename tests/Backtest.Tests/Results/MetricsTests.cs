using TradingBot.Backtest.Results;

namespace TradingBot.Backtest.Tests.Results;

/// <summary>Every metric against numbers worked out by hand.</summary>
public sealed class MetricsTests
{
    private static readonly DateTimeOffset s_start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static TradeRecord Trade(int index, decimal pnl, decimal r, decimal fees = 1m, decimal funding = -0.5m, int minutes = 60) =>
        new("A", "BTCUSDT", "Long", s_start.AddHours(index * 2), s_start.AddHours(index * 2).AddMinutes(minutes), 100m, 101m, 1m, 99m, 102m, pnl > 0 ? "TakeProfit" : "StopLoss", fees, funding, pnl, r);

    // Net PnL 100, −50, 200, −50, −50 and R 1, −0.5, 2, −0.5, −0.5.
    private static readonly TradeRecord[] s_trades =
    [
        Trade(0, 100m, 1m), Trade(1, -50m, -0.5m), Trade(2, 200m, 2m), Trade(3, -50m, -0.5m), Trade(4, -50m, -0.5m),
    ];

    [Fact]
    public void Trade_statistics()
    {
        var equity = new EquitySummary([1000m, 1150m], 1150m, 0.1m, 100m, 0.25, "test");

        var m = MetricsCalculator.Compute(s_trades, 1000m, s_start, s_start.AddDays(73), equity);

        m.Trades.Should().Be(5);
        m.Wins.Should().Be(2);
        m.Losses.Should().Be(3);
        m.WinRate.Should().Be(0.4);
        m.GrossProfit.Should().Be(300m);
        m.GrossLoss.Should().Be(-150m);
        m.ProfitFactor.Should().Be(2.0);
        m.NetProfit.Should().Be(150m);
        m.Expectancy.Should().Be(30m);
        m.AverageR.Should().BeApproximately(0.3, 1e-12);
        // sd(R) = √(5.3 / 4) = 1.151086; SQN = √5 × 0.3 / 1.151086 = 0.582772.
        m.SqN!.Value.Should().BeApproximately(0.582772, 1e-6);
        m.LongestLosingStreak.Should().Be(2);
        m.FeesPaid.Should().Be(5m);
        m.FundingPaid.Should().Be(2.5m);
        m.TotalReturn.Should().BeApproximately(0.15, 1e-12);
        // 73 days = 0.2 years: 1.15^5 − 1.
        m.Cagr.Should().BeApproximately(Math.Pow(1.15, 5) - 1, 1e-9);
        m.MaxDrawdown.Should().Be(0.1);
        m.Exposure.Should().Be(0.25);
        m.RDistribution["-1R..0R"].Should().Be(3);
        m.RDistribution["0R..1R"].Should().Be(0);
        m.RDistribution["1R..2R"].Should().Be(1);
        m.RDistribution["2R..3R"].Should().Be(1);
    }

    [Fact]
    public void Sharpe_and_Sortino_from_daily_returns_annualised_with_365()
    {
        // Daily closes 100, 110, 99, 108.9 → returns +10 %, −10 %, +10 %.
        var returns = MetricsCalculator.DailyReturns([100m, 110m, 99m, 108.9m]);
        returns.Should().HaveCount(3);
        returns[0].Should().BeApproximately(0.1, 1e-12);
        returns[1].Should().BeApproximately(-0.1, 1e-12);

        // mean 0.033333, sample sd 0.115470 → 0.288675 × √365 = 5.515131.
        MetricsCalculator.Sharpe(returns)!.Value.Should().BeApproximately(5.515131, 1e-5);
        // downside deviation √(0.01 / 3) = 0.057735 → 0.577350 × √365 = 11.030261.
        MetricsCalculator.Sortino(returns)!.Value.Should().BeApproximately(11.030261, 1e-5);
        MetricsCalculator.Sharpe([0.01]).Should().BeNull("one return has no deviation");
    }

    [Fact]
    public void Drawdown_is_measured_on_equity_including_open_positions()
    {
        var start = s_start.ToUnixTimeMilliseconds();
        var tracker = new EquityTracker(100m, start);
        tracker.Record(start + 60_000, 120m, inMarket: true);
        tracker.Record(start + 120_000, 90m, inMarket: true);
        tracker.Record(start + 180_000, 130m, inMarket: false);
        tracker.Record(start + 240_000, 125m, inMarket: false);

        var summary = tracker.Finish(start + 240_000);

        summary.MaxDrawdown.Should().Be(0.25m, "120 → 90 is a 25 % fall from the peak");
        summary.MaxDrawdownAmount.Should().Be(30m);
        summary.Exposure.Should().Be(0.5);
        summary.Final.Should().Be(125m);
    }

    [Fact]
    public void Closed_trade_equity_books_pnl_at_exits_and_closes_each_day()
    {
        var trades = new[]
        {
            Trade(0, 100m, 1m) with { ClosedAt = s_start.AddHours(5) },
            Trade(1, -300m, -1m) with { ClosedAt = s_start.AddDays(1).AddHours(5) },
        };

        var summary = MetricsCalculator.ClosedTradeEquity(trades, 1000m, s_start, s_start.AddDays(3));

        summary.DailyCloses.Should().Equal(1000m, 1100m, 800m, 800m);
        summary.MaxDrawdown.Should().BeApproximately(300m / 1100m, 1e-12m);
        summary.Final.Should().Be(800m);
    }

    [Fact]
    public void Fingerprint_depends_on_every_trade_field_and_not_on_decimal_scale()
    {
        var a = TradeFingerprint.Compute(s_trades);
        TradeFingerprint.Compute(s_trades).Should().Be(a);
        TradeFingerprint.Compute(s_trades.Select(t => t with { EntryPrice = 100.000m })).Should().Be(a);
        TradeFingerprint.Compute(s_trades.Select((t, i) => i == 2 ? t with { ExitPrice = 101.1m } : t)).Should().NotBe(a);
    }
}
