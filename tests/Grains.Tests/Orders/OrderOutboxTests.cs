using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
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
            (await orders.ExecuteAsync(ApprovedOrders.Long("sig-1", exchange.Now))).Filled.Should().BeTrue();
            await silo.Client.GetGrain<IPositionGrain>("BTCUSDT").CloseAsync(ExitReason.Manual);
            exchange.Now += TimeSpan.FromMinutes(5);
            (await orders.ExecuteAsync(ApprovedOrders.Long("sig-2", exchange.Now))).Filled.Should().BeTrue();

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
        var order = ApprovedOrders.Long("sig-old", exchange.Now);
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

    [Fact]
    public async Task The_fill_reaches_the_position_grain_while_the_intent_is_still_pending_on_disk()
    {
        var exchange = new MemoryExchange();
        await exchange.SetPrice("BTCUSDT", 60_000m);
        await using var silo = await TradingSilo.StartAsync(exchange);
        List<string>? outboxWhileProtecting = null;
        List<string>? historyWhileProtecting = null;
        exchange.OnConditionalOrder = _ =>
        {
            outboxWhileProtecting ??= Statuses(silo.DataDirectory, "order");
            historyWhileProtecting ??= Statuses(silo.DataDirectory, "order-history");
        };

        (await silo.Client.GetGrain<IOrderGrain>(AccountKeys.Main).ExecuteAsync(ApprovedOrders.Long("sig-1", exchange.Now))).Filled.Should().BeTrue();

        // A kill while the position takes the fill must leave an intent a restart resolves by its client id; one
        // already recorded as finished would leave the restart nothing but adopting an unknown position.
        outboxWhileProtecting.Should().Equal(OrderIntentStatus.Pending);
        historyWhileProtecting.Should().BeEmpty("nothing on disk may call the entry finished before the position holds it");
        Intents(silo.DataDirectory, "order").Should().BeEmpty("finished once the position holds the fill");
    }

    [Fact]
    public async Task A_kill_between_the_fill_and_the_position_resumes_the_entry_with_its_strategy_without_a_second_order()
    {
        var exchange = new MemoryExchange();
        await exchange.SetPrice("BTCUSDT", 60_000m);
        var crashed = Directory.CreateTempSubdirectory("killed-").FullName;
        await using (var silo = await TradingSilo.StartAsync(exchange))
        {
            // The grain state as a kill -9 right after the fill leaves it (an online backup is a consistent copy).
            exchange.OnCommissionRateRequested = () => Backup(silo.DataDirectory, crashed);
            (await silo.Client.GetGrain<IOrderGrain>(AccountKeys.Main).ExecuteAsync(ApprovedOrders.Long("sig-1", exchange.Now))).Filled.Should().BeTrue();
        }

        // The dead process never placed its protection.
        foreach (var id in exchange.Algos.Keys.ToList())
        {
            await exchange.CancelAlgoOrderAsync("BTCUSDT", id);
        }

        exchange.OnCommissionRateRequested = null;
        var sent = exchange.MarketOrders.Count;
        var placed = exchange.ConditionalOrders.Count;
        await using (var silo = await TradingSilo.StartAsync(exchange, crashed))
        {
            var position = await silo.Client.GetGrain<IPositionGrain>("BTCUSDT").GetAsync();
            position.Quantity.Should().Be(0.010m);
            position.Strategy.Should().Be("A", "the pending intent is resolved, not an unknown position adopted");
            position.StopLive.Should().BeTrue();
            position.TakeProfitLive.Should().BeTrue();
            exchange.MarketOrders.Should().HaveCount(sent, "the entry is never sent twice");
            exchange.ConditionalOrders.Skip(placed).Select(o => o.TriggerPrice).Should().BeEquivalentTo([59_000m, 62_000m]);
            Intents(crashed, "order").Should().BeEmpty();
        }
    }

    /// <summary>The statuses of a state record's intents; none when the record does not exist yet.</summary>
    private static List<string> Statuses(string directory, string stateName) =>
        Payload(directory, stateName) is { } payload
            ? [.. JsonNode.Parse(payload)!["intents"]!.AsArray().Select(i => i!["status"]!.GetValue<string>())]
            : [];

    private static void Backup(string from, string to)
    {
        using var source = Open(from);
        using var target = new SqliteConnection($"Data Source={Path.Combine(to, "state.db")};Pooling=False");
        target.Open();
        source.BackupDatabase(target);
    }

    private static JsonArray Intents(string directory, string stateName)
    {
        var payload = Payload(directory, stateName);
        payload.Should().NotBeNull($"the '{stateName}' record exists");
        return JsonNode.Parse(payload)!["intents"]!.AsArray();
    }

    private static byte[]? Payload(string directory, string stateName)
    {
        using var connection = Open(directory);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT PayloadBinary FROM OrleansStorage WHERE GrainTypeString = $state";
        command.Parameters.AddWithValue("$state", stateName);
        return command.ExecuteScalar() as byte[];
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
