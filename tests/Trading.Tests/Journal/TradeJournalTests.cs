using Microsoft.Data.Sqlite;
using TradingBot.Contracts.Events;
using TradingBot.Contracts.Market;
using TradingBot.Contracts.Trading;
using TradingBot.Trading.Journal;

namespace TradingBot.Trading.Tests.Journal;

public sealed class TradeJournalTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"journal-{Guid.NewGuid():N}.db");

    private static PositionClosed Closed(string id, string strategy, decimal pnl, DateTimeOffset at) =>
        new(id, strategy, "BTCUSDT", Direction.Bullish, 60_000.1m, 61_000.25m, 0.123m, pnl, 3.5m, ExitReason.TakeProfit, 1.5m, at.AddHours(-1), at);

    [Fact]
    public void Trades_are_stored_exactly_and_only_once()
    {
        var at = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
        using (var journal = new TradeJournal(_path))
        {
            journal.RecordTrade(Closed("p1", "A", 120.123456789m, at));
            journal.RecordTrade(Closed("p1", "A", 120.123456789m, at));
        }

        using var reopened = new TradeJournal(_path);
        var trades = reopened.RecentTrades(20);
        trades.Should().ContainSingle();
        trades[0].RealizedPnl.Should().Be(120.123456789m);
        trades[0].EntryPrice.Should().Be(60_000.1m);
        trades[0].ExitReason.Should().Be(ExitReason.TakeProfit);
        trades[0].ClosedAt.Should().Be(at);
    }

    [Fact]
    public void Strategy_statistics_are_exact()
    {
        var at = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
        using var journal = new TradeJournal(_path);
        journal.RecordTrade(Closed("p1", "A", 300m, at));
        journal.RecordTrade(Closed("p2", "A", -100m, at.AddHours(1)));
        journal.RecordTrade(Closed("p3", "A", -50m, at.AddHours(2)));
        journal.RecordTrade(Closed("p4", "B", 10m, at.AddHours(3)));

        var stats = journal.StrategyStatistics();

        var a = stats.Single(s => s.Strategy == "A");
        a.Trades.Should().Be(3);
        a.Wins.Should().Be(1);
        a.TotalPnl.Should().Be(150m);
        a.AveragePnl.Should().Be(50m);
        a.ProfitFactor.Should().Be(2m);
        stats.Single(s => s.Strategy == "B").ProfitFactor.Should().BeNull();
    }

    [Fact]
    public void Daily_and_strategy_views_read_the_trades_table()
    {
        var at = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
        using (var journal = new TradeJournal(_path))
        {
            journal.RecordTrade(Closed("p1", "A", 300m, at));
            journal.RecordTrade(Closed("p2", "C", -100m, at.AddDays(1)));
        }

        using var connection = new SqliteConnection($"Data Source={_path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT day, trades, wins, pnl FROM daily_stats ORDER BY day";
        using var reader = command.ExecuteReader();
        reader.Read().Should().BeTrue();
        reader.GetString(0).Should().Be("2025-06-01");
        reader.GetInt64(2).Should().Be(1);
        reader.Read().Should().BeTrue();
        reader.GetDouble(3).Should().Be(-100d);
    }

    [Fact]
    public void Signals_orders_and_fills_are_idempotent_upserts()
    {
        var at = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
        using var journal = new TradeJournal(_path);
        var signal = new TradeSignal("A:BTCUSDT:L:1", "A", "BTCUSDT", Direction.Bullish, 100, 98, 106, 0.8, ["z1", "p1"], at);
        journal.RecordSignal(signal, "received", null);
        journal.RecordSignal(signal, "refused", "daily loss limit");
        journal.RecordOrder("tb-A-1-e", "BTCUSDT", OrderSide.Buy, OrderPurpose.Entry, 0.1m, null, "PENDING", 0, null, at);
        journal.RecordOrder("tb-A-1-e", "BTCUSDT", OrderSide.Buy, OrderPurpose.Entry, 0.1m, null, "FILLED", 1, null, at);
        journal.RecordFill("tb-A-1-e", 7, "BTCUSDT", OrderSide.Buy, 0.1m, 100m, 0.005m, 0m, at);
        journal.RecordFill("tb-A-1-e", 7, "BTCUSDT", OrderSide.Buy, 0.1m, 100m, 0.005m, 0m, at);

        journal.Count("signals").Should().Be(1);
        journal.Count("orders").Should().Be(1);
        journal.Count("fills").Should().Be(1);
        FluentActions.Invoking(() => journal.Count("sqlite_master")).Should().Throw<ArgumentOutOfRangeException>();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }
}
