using System.Net.WebSockets;
using System.Text.Json.Nodes;
using TradingBot.Exchange.Simulator.Market;
using TradingBot.Exchange.Simulator.Server.Streams;
using TradingBot.Exchange.Simulator.Tests.Support;

namespace TradingBot.Exchange.Simulator.Tests.Server;

public sealed class StreamTests
{
    private static readonly DateTimeOffset s_next = SimulatorFixture.MarketStart.AddMinutes(1);

    private static Candle Bar(DateTimeOffset open, decimal o, decimal h, decimal l, decimal c) => new(open.ToUnixTimeMilliseconds(), o, h, l, c, 12m);

    [Fact]
    public async Task Raw_kline_stream_sends_open_updates_then_the_closed_bar()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        await using var ws = await WsClient.ConnectAsync(sim.Instance.StreamBaseUrl, "/market/ws/btcusdt@kline_1m");
        sim.Instance.PushCandle("BTCUSDT", Bar(s_next, 50_000m, 50_500m, 49_800m, 50_200m));

        var messages = await ws.CollectAsync(4);
        messages.Select(m => m["k"]!["x"]!.GetValue<bool>()).Should().Equal(false, false, false, true);
        var final = messages[^1];
        final["e"]!.GetValue<string>().Should().Be("kline");
        final["k"]!["t"]!.GetValue<long>().Should().Be(s_next.ToUnixTimeMilliseconds());
        final["k"]!["T"]!.GetValue<long>().Should().Be(s_next.ToUnixTimeMilliseconds() + 59_999);
        final["k"]!["o"]!.GetValue<string>().Should().Be("50000.0");
        final["k"]!["h"]!.GetValue<string>().Should().Be("50500.0");
        final["k"]!["l"]!.GetValue<string>().Should().Be("49800.0");
        final["k"]!["c"]!.GetValue<string>().Should().Be("50200.0");
    }

    [Fact]
    public async Task Combined_stream_wraps_and_aggregates_higher_intervals_on_window_close()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        await using var ws = await WsClient.ConnectAsync(sim.Instance.StreamBaseUrl, "/market/stream?streams=btcusdt@kline_1m/btcusdt@kline_5m");
        var start = SimulatorFixture.MarketStart.AddMinutes(5);
        decimal[] closes = [50_010m, 50_020m, 49_990m, 50_050m, 50_040m];
        for (var i = 0; i < 5; i++)
        {
            var open = i == 0 ? 50_000m : closes[i - 1];
            sim.Instance.PushCandle("BTCUSDT", Bar(start.AddMinutes(i), open, Math.Max(open, closes[i]) + 10, Math.Min(open, closes[i]) - 10, closes[i]));
        }

        var closed5m = (await ws.CollectAsync(1, m => m["stream"]!.GetValue<string>() == "btcusdt@kline_5m" && m["data"]!["k"]!["x"]!.GetValue<bool>())).Single();
        var k = closed5m["data"]!["k"]!;
        k["t"]!.GetValue<long>().Should().Be(start.ToUnixTimeMilliseconds());
        k["o"]!.GetValue<string>().Should().Be("50000.0");
        k["h"]!.GetValue<string>().Should().Be("50060.0");
        k["l"]!.GetValue<string>().Should().Be("49980.0");
        k["c"]!.GetValue<string>().Should().Be("50040.0");
        k["v"]!.GetValue<string>().Should().Be("60.000");
    }

    [Fact]
    public async Task Market_streams_on_the_public_path_stay_silent()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        await using var ws = await WsClient.ConnectAsync(sim.Instance.StreamBaseUrl, "/public/ws/btcusdt@kline_1m");
        sim.Instance.PushCandle("BTCUSDT", Bar(s_next, 50_000m, 50_500m, 49_800m, 50_200m));
        var before = new List<JsonNode>();
        (await ws.ListAsync(before)).Should().Equal("btcusdt@kline_1m");
        before.Should().BeEmpty();
    }

    [Fact]
    public async Task Subscribe_unsubscribe_list_and_garbage_frames()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        await using var ws = await WsClient.ConnectAsync(sim.Instance.StreamBaseUrl, "/market/stream");
        await ws.SendTextAsync("""{"method":"SUBSCRIBE","params":["btcusdt@kline_1m","ETHUSDT@markPrice"],"id":1}""");
        (await ws.ReceiveAsync())!.ToJsonString().Should().Be("""{"result":null,"id":1}""");
        await ws.SendTextAsync("""{"method":"UNSUBSCRIBE","params":["btcusdt@kline_1m"],"id":"two"}""");
        (await ws.ReceiveAsync())!["id"]!.GetValue<string>().Should().Be("two");
        (await ws.ListAsync()).Should().Equal("ethusdt@markprice");

        await ws.SendTextAsync("not json");
        (await ws.ReceiveAsync())!["error"]!["code"]!.GetValue<int>().Should().Be(3);
        await ws.SendTextAsync("""{"method":"DANCE","id":5}""");
        var unknown = (await ws.ReceiveAsync())!;
        unknown["error"]!["code"]!.GetValue<int>().Should().Be(2);
        unknown["id"]!.GetValue<int>().Should().Be(5);
        await ws.SendTextAsync("""{"method":"SUBSCRIBE","params":[1,2],"id":6}""");
        (await ws.ReceiveAsync())!["error"]!["code"]!.GetValue<int>().Should().Be(2);
        await ws.SendBinaryAsync([0, 1, 2, 255]);
        (await ws.ReceiveAsync())!["error"]!["code"]!.GetValue<int>().Should().Be(3);
        ws.State.Should().Be(WebSocketState.Open);
    }

    [Fact]
    public async Task More_than_ten_client_messages_per_second_close_the_connection()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        await using var ws = await WsClient.ConnectAsync(sim.Instance.StreamBaseUrl, "/market/ws");
        for (var i = 0; i < 12; i++)
        {
            await ws.SendTextAsync($$"""{"method":"LIST_SUBSCRIPTIONS","id":{{i}}}""");
        }

        JsonNode? message;
        do
        {
            message = await ws.ReceiveAsync();
        }
        while (message is not null);
        ws.CloseStatus.Should().Be(WebSocketCloseStatus.PolicyViolation);
    }

    [Fact]
    public async Task Connections_are_cut_after_the_configured_lifetime()
    {
        await using var sim = await SimulatorFixture.StartAsync(o => o with { Streams = new StreamOptions { MaxConnectionLifetime = TimeSpan.FromMilliseconds(1500) } });
        await using var ws = await WsClient.ConnectAsync(sim.Instance.StreamBaseUrl, "/market/ws/btcusdt@kline_1m");
        (await ws.ReceiveAsync(TimeSpan.FromSeconds(5))).Should().BeNull();
        ws.CloseStatus.Should().Be(WebSocketCloseStatus.NormalClosure);
    }

    [Fact]
    public async Task Mark_price_stream_sends_every_simulated_second()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        await using var ws = await WsClient.ConnectAsync(sim.Instance.StreamBaseUrl, "/market/ws/btcusdt@markPrice@1s");
        sim.Instance.PushCandle("BTCUSDT", Bar(s_next, 50_000m, 50_600m, 49_700m, 50_300m));
        var updates = await ws.CollectAsync(59);
        updates.Should().AllSatisfy(u => u["e"]!.GetValue<string>().Should().Be("markPriceUpdate"));
        updates.Select(u => u["E"]!.GetValue<long>()).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        updates[0]["E"]!.GetValue<long>().Should().Be(s_next.ToUnixTimeMilliseconds());
        updates[^1]["E"]!.GetValue<long>().Should().Be(s_next.ToUnixTimeMilliseconds() + 58_000);
    }
}
