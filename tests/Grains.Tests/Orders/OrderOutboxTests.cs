using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using TradingBot.Contracts.Market;
using TradingBot.Contracts.Grains;
using TradingBot.Contracts.Trading;
using TradingBot.Grains.Orders;
using TradingBot.Grains.Tests.Support;

namespace TradingBot.Grains.Tests.Orders;

/// <summary>
/// The intent outbox written before each entry leaves holds only orders in flight (so that write stays small
/// however many orders came before); finished intents live in their own history record.
/// </summary>
public sealed class OrderOutboxTests
{
    [Fact]
    public async Task Finished_entries_leave_the_outbox_and_are_kept_in_the_history()
    {
        var exchange = new MemoryExchange();
        await exchange.SetPrice("BTCUSDT", 60_000m);
        await using (var silo = await TradingSilo.StartAsync(exchange))
        {
            var orders = silo.Client.GetGrain<IOrderGrain>(AccountKeys.Main);
            (await orders.ExecuteAsync(Order("sig-1", exchange.Now))).Filled.Should().BeTrue();
            await silo.Client.GetGrain<IPositionGrain>("BTCUSDT").CloseAsync(ExitReason.Manual);
            exchange.Now += TimeSpan.FromMinutes(5);
            (await orders.ExecuteAsync(Order("sig-2", exchange.Now))).Filled.Should().BeTrue();

            var recent = await orders.GetRecentIntentsAsync(10);
            recent.Select(i => i.Status).Should().Equal(OrderIntentStatus.Filled, OrderIntentStatus.Filled);
            recent[0].CreatedAt.Should().BeAfter(recent[1].CreatedAt, "newest first");

            Intents(silo.DataDirectory, "order").Should().BeEmpty("nothing is in flight");
            Intents(silo.DataDirectory, "order-history").Select(i => i!["status"]!.GetValue<string>())
                .Should().Equal(OrderIntentStatus.Filled, OrderIntentStatus.Filled);
        }
    }

    [Fact]
    public async Task A_schema_1_outbox_with_finished_intents_is_moved_to_the_history_and_still_answers_repeats()
    {
        var exchange = new MemoryExchange();
        await exchange.SetPrice("BTCUSDT", 60_000m);
        var directory = Directory.CreateTempSubdirectory("outbox-").FullName;
        var order = Order("sig-old", exchange.Now);
        await using (var silo = await TradingSilo.StartAsync(exchange, directory))
        {
            (await silo.Client.GetGrain<IOrderGrain>(AccountKeys.Main).ExecuteAsync(order)).Filled.Should().BeTrue();
        }

        // What schema 1 left behind: the finished intent in the outbox itself, no history record.
        var finished = Intents(directory, "order-history");
        finished.Should().ContainSingle();
        Rewrite(directory, "order", new JsonObject { ["schema"] = 1, ["intents"] = finished.DeepClone() });
        Delete(directory, "order-history");
        var sent = exchange.MarketOrders.Count;

        await using (var silo = await TradingSilo.StartAsync(exchange, directory))
        {
            var orders = silo.Client.GetGrain<IOrderGrain>(AccountKeys.Main);
            var repeat = await orders.ExecuteAsync(order);
            repeat.Filled.Should().BeTrue("the stored outcome answers a repeated request");
            exchange.MarketOrders.Should().HaveCount(sent, "a finished intent is never sent again");
            (await orders.GetRecentIntentsAsync(10)).Should().ContainSingle().Which.Status.Should().Be(OrderIntentStatus.Filled);
            Intents(directory, "order").Should().BeEmpty();
            Intents(directory, "order-history").Should().ContainSingle();
        }
    }

    private static ApprovedOrder Order(string signalId, DateTimeOffset at) =>
        new(new TradeSignal(signalId, "A", "BTCUSDT", Direction.Bullish, 60_000m, 59_000m, 62_000m, 0.8, ImmutableArray.Create("zone-1"), at),
            0.010m, 59_000m, 62_000m, 5, 10m);

    private static JsonArray Intents(string directory, string stateName)
    {
        using var connection = Open(directory);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT PayloadBinary FROM OrleansStorage WHERE GrainTypeString = $state";
        command.Parameters.AddWithValue("$state", stateName);
        var payload = command.ExecuteScalar() as byte[];
        payload.Should().NotBeNull($"the '{stateName}' record exists");
        return JsonNode.Parse(payload)!["intents"]!.AsArray();
    }

    private static void Rewrite(string directory, string stateName, JsonObject payload)
    {
        using var connection = Open(directory);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE OrleansStorage SET PayloadBinary = $payload WHERE GrainTypeString = $state";
        command.Parameters.AddWithValue("$payload", System.Text.Encoding.UTF8.GetBytes(payload.ToJsonString()));
        command.Parameters.AddWithValue("$state", stateName);
        command.ExecuteNonQuery().Should().Be(1);
    }

    private static void Delete(string directory, string stateName)
    {
        using var connection = Open(directory);
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM OrleansStorage WHERE GrainTypeString = $state";
        command.Parameters.AddWithValue("$state", stateName);
        command.ExecuteNonQuery().Should().Be(1);
    }

    private static SqliteConnection Open(string directory)
    {
        SQLitePCL.Batteries_V2.Init();
        var connection = new SqliteConnection($"Data Source={Path.Combine(directory, "state.db")};Pooling=False");
        connection.Open();
        return connection;
    }
}
