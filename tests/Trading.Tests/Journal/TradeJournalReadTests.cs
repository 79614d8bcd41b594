using TradingBot.Contracts.Events;
using TradingBot.Contracts.Market;
using TradingBot.Contracts.Trading;
using TradingBot.Trading.Journal;

namespace TradingBot.Trading.Tests.Journal;

/// <summary>The read methods the dashboard uses: per-symbol trades for chart markers and the realized PnL series.</summary>
public sealed class TradeJournalReadTests : IDisposable
{
    private static readonly DateTimeOffset s_at = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"journal-read-{Guid.NewGuid():N}.db");

    private static PositionClosed Closed(string id, string symbol, decimal pnl, DateTimeOffset at) =>
        new(id, "A", symbol, Direction.Bearish, 100m, 90m, 1m, pnl, 0.1m, ExitReason.TakeProfit, 2m, at.AddMinutes(-30), at);

    [Fact]
    public void Trades_of_a_symbol_are_filtered_by_symbol_and_time_oldest_first_and_limited_to_the_newest()
    {
        using var journal = new TradeJournal(_path);
        journal.RecordTrade(Closed("b1", "BTCUSDT", 1m, s_at));
        journal.RecordTrade(Closed("e1", "ETHUSDT", 2m, s_at.AddMinutes(1)));
        journal.RecordTrade(Closed("b2", "BTCUSDT", 3m, s_at.AddMinutes(2)));
        journal.RecordTrade(Closed("b3", "BTCUSDT", 4m, s_at.AddMinutes(3)));
        journal.RecordTrade(Closed("b0", "BTCUSDT", 5m, s_at.AddDays(-1)));

        journal.TradesOf("BTCUSDT", s_at, 10).Select(t => t.PositionId).Should().Equal("b1", "b2", "b3");
        journal.TradesOf("BTCUSDT", s_at, 2).Select(t => t.PositionId).Should().Equal("b2", "b3");
        journal.TradesOf("ETHUSDT", s_at.AddMinutes(2), 10).Should().BeEmpty();
        journal.TradesOf("BTCUSDT", s_at, 10)[0].Direction.Should().Be(Direction.Bearish);
    }

    [Fact]
    public void Realized_pnl_series_is_in_closing_order_and_exact()
    {
        using var journal = new TradeJournal(_path);
        journal.RecordTrade(Closed("p2", "BTCUSDT", -1.25m, s_at.AddHours(1)));
        journal.RecordTrade(Closed("p1", "ETHUSDT", 10.123456789m, s_at));

        var series = journal.RealizedPnlSeries();

        series.Should().Equal((s_at, 10.123456789m), (s_at.AddHours(1), -1.25m));
    }

    [Fact]
    public void An_empty_journal_has_an_empty_series()
    {
        using var journal = new TradeJournal(_path);
        journal.RealizedPnlSeries().Should().BeEmpty();
        journal.TradesOf("BTCUSDT", DateTimeOffset.MinValue, 5).Should().BeEmpty();
    }

    public void Dispose()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }
}
