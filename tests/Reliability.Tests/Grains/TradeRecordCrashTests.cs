using Microsoft.Data.Sqlite;
using TradingBot.Contracts.Grains;
using TradingBot.Contracts.Market;
using TradingBot.Contracts.Trading;
using TradingBot.Grains.Tests.Support;

namespace TradingBot.Reliability.Tests.Grains;

/// <summary>
/// Regression found by the chaos soak (seed 42, 7 days, kill -9 right after a stop-loss fill): the position grain
/// persisted its closed ledger before writing the trade to the journal, so a crash between the two lost the trade for
/// good (the restart saw a flat grain and a flat exchange). The journal is now written first; a crash in between
/// leaves the ledger open and the restart's reconciliation records the trade (idempotently).
/// </summary>
public sealed class TradeRecordCrashTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("chaos-trade-record-").FullName;

    [Fact]
    public async Task A_crash_between_the_exit_fill_and_the_journal_write_does_not_lose_the_trade()
    {
        var exchange = new MemoryExchange();
        await exchange.SetPrice("BTCUSDT", 100_000m);
        await exchange.SetPrice("ETHUSDT", 2_500m);
        await using (var first = await TradingSilo.StartAsync(exchange, _data))
        {
            var signal = new TradeSignal("A:BTCUSDT:1", "A", "BTCUSDT", Direction.Bullish, 100_000m, 99_000m, 103_000m, 0.8, ["zone-1"], exchange.Now);
            (await first.Client.GetGrain<IRiskGrain>(AccountKeys.Main).ProposeAsync(signal)).Approved.Should().BeTrue();
            exchange.PositionOf("BTCUSDT").Should().BePositive();

            // The "crash": the journal cannot take the trade (as if the process died before writing it).
            DropTradesTable();
            await exchange.SetPrice("BTCUSDT", 98_900m);
            exchange.PositionOf("BTCUSDT").Should().Be(0, "the stop filled on the exchange");
        }

        await using var second = await TradingSilo.StartAsync(exchange, _data);

        second.Journal.Count("trades").Should().Be(1, "the restart finds the ledger still open and records the stop-out");
        second.Journal.RecentTrades(1).Single().ExitReason.Should().Be(ExitReason.StopLoss);
    }

    [Fact]
    public async Task An_opened_position_is_journaled_so_its_alert_does_not_depend_on_stream_listeners()
    {
        var exchange = new MemoryExchange();
        await exchange.SetPrice("BTCUSDT", 100_000m);
        await exchange.SetPrice("ETHUSDT", 2_500m);
        await using var silo = await TradingSilo.StartAsync(exchange, _data);
        var signal = new TradeSignal("A:BTCUSDT:2", "A", "BTCUSDT", Direction.Bearish, 100_000m, 101_000m, 97_000m, 0.8, ["zone-2"], exchange.Now);

        (await silo.Client.GetGrain<IRiskGrain>(AccountKeys.Main).ProposeAsync(signal)).Approved.Should().BeTrue();

        silo.Journal.Count("positions_opened").Should().Be(1);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    private void DropTradesTable()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "trades.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DROP TABLE trades;";
        command.ExecuteNonQuery();
    }
}
