using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using TradingBot.Backtest.Output;
using TradingBot.Backtest.Results;
using TradingBot.Silo.Dashboard;

namespace TradingBot.Silo.BrowserTests.Ports;

/// <summary>The dashboard reads what the backtester's own store writes (round trip through SqliteResultStore.Save).</summary>
public sealed class BacktestRunStoreTests : IDisposable
{
    private static readonly DateTimeOffset s_start = new(2025, 5, 5, 0, 0, 0, TimeSpan.Zero);
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"backtests-{Guid.NewGuid():N}.db");

    private static BacktestResult Run(string id, int points) => new()
    {
        RunId = id,
        Strategies = ["A", "C"],
        Symbols = ["BTCUSDT", "ETHUSDT"],
        Start = s_start,
        End = s_start.AddDays(30),
        InitialBalance = 10_000m,
        FinalEquity = 11_200m,
        Overall = new PerformanceMetrics { Trades = 12, Wins = 7, Losses = 5, WinRate = 7 / 12.0, ProfitFactor = 1.8, TotalReturn = 0.12, Sharpe = 1.4, MaxDrawdown = 0.065, AverageR = 0.6 },
        ByStrategy = new Dictionary<string, PerformanceMetrics> { ["A"] = new() { Trades = 5 } },
        BySymbol = new Dictionary<string, PerformanceMetrics>(),
        Trades = [new TradeRecord("A", "BTCUSDT", "Long", s_start.AddHours(1), s_start.AddHours(3), 100m, 110m, 1m, 95m, 110m, "TakeProfit", 0.1m, 0m, 9.9m, 1.98m)],
        Equity = [.. Enumerable.Range(0, points).Select(i => new EquityPoint(s_start.AddHours(i), 10_000m + i, 0m))],
        Fingerprint = "f",
        FillModel = ["taker"],
        Funding = "none",
        Gaps = [],
        DataNotes = [],
        WarmUp = "",
        CandlesProcessed = 1000,
        Signals = 20,
        Refusals = new Dictionary<string, int>(),
        Problems = [],
        Wall = TimeSpan.FromSeconds(3),
    };

    [Fact]
    public void Runs_written_by_the_backtester_are_listed_with_metrics_in_percent_and_their_curve()
    {
        SqliteResultStore.Save(_path, Run("run-1", 10));
        SqliteResultStore.Save(_path, Run("run-2", 3 * BacktestRunStore.MaxCurvePoints));
        var store = new BacktestRunStore(_path, NullLogger<BacktestRunStore>.Instance);

        var runs = store.List();

        runs.Select(r => r.Id).Should().BeEquivalentTo(["run-1", "run-2"]);
        var one = runs.Single(r => r.Id == "run-1");
        one.Strategies.Should().Be("A,C");
        one.Symbols.Should().Equal("BTCUSDT", "ETHUSDT");
        one.From.Should().Be(s_start);
        one.To.Should().Be(s_start.AddDays(30));
        one.Metrics.Trades.Should().Be(12);
        one.Metrics.ProfitFactor.Should().Be(1.8m);
        one.Metrics.TotalReturnPercent.Should().Be(12m);
        one.Metrics.MaxDrawdownPercent.Should().Be(6.5m);
        one.Metrics.SharpeRatio.Should().Be(1.4m);

        var detail = store.Find("run-1")!;
        detail.EquityCurve.Should().HaveCount(10);
        detail.EquityCurve[^1].Equity.Should().Be(10_009m);
        detail.EquityCurve[^1].CumulativePnl.Should().Be(9m);
        var thinned = store.Find("run-2")!.EquityCurve;
        thinned.Should().HaveCount(BacktestRunStore.MaxCurvePoints);
        thinned[^1].Time.Should().Be(s_start.AddHours((3 * BacktestRunStore.MaxCurvePoints) - 1));
        store.Find("nope").Should().BeNull();
    }

    [Fact]
    public void A_missing_or_foreign_file_gives_an_empty_list()
    {
        new BacktestRunStore(_path, NullLogger<BacktestRunStore>.Instance).List().Should().BeEmpty();
        SQLitePCL.Batteries_V2.Init();
        using (var connection = new SqliteConnection($"Data Source={_path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE something (x INTEGER);";
            command.ExecuteNonQuery();
        }

        var store = new BacktestRunStore(_path, NullLogger<BacktestRunStore>.Instance);
        store.List().Should().BeEmpty();
        store.Find("run-1").Should().BeNull();
    }

    public void Dispose()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(_path + suffix);
        }
    }
}
