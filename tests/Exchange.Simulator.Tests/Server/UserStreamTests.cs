using System.Text.Json.Nodes;
using TradingBot.Exchange.Simulator.Tests.Support;

namespace TradingBot.Exchange.Simulator.Tests.Server;

public sealed class UserStreamTests
{
    private static string Describe(JsonNode e) => e["e"]!.GetValue<string>() switch
    {
        "ORDER_TRADE_UPDATE" => $"ORDER {e["o"]!["x"]} {e["o"]!["X"]}",
        "ACCOUNT_UPDATE" => $"ACCOUNT {e["a"]!["m"]}",
        "ALGO_UPDATE" => $"ALGO {e["o"]!["X"]}",
        var other => other,
    };

    [Fact]
    public async Task Market_order_and_stop_trigger_events_arrive_on_the_private_stream_in_order()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var key = (await sim.Client.KeyOnly(HttpMethod.Post, "/fapi/v1/listenKey")).Body!["listenKey"]!.GetValue<string>();
        await using var ws = await WsClient.ConnectAsync(sim.Instance.StreamBaseUrl, "/private/ws/" + key);

        (await sim.Client.Signed(HttpMethod.Post, "/fapi/v1/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.010&newClientOrderId=e-1")).Code.Should().Be(0);
        (await ws.CollectAsync(3)).Select(Describe).Should().Equal("ORDER NEW NEW", "ORDER TRADE FILLED", "ACCOUNT ORDER");

        (await sim.Client.Signed(HttpMethod.Post, "/fapi/v1/algoOrder", "algoType=CONDITIONAL&symbol=BTCUSDT&side=SELL&type=STOP_MARKET&triggerPrice=49500&closePosition=true&workingType=MARK_PRICE&clientAlgoId=sl-1")).Code.Should().Be(0);
        (await ws.CollectAsync(1)).Select(Describe).Should().Equal("ALGO NEW");
        sim.Instance.PushPrice("BTCUSDT", 49_000m);
        var trigger = await ws.CollectAsync(6);
        trigger.Select(Describe).Should().Equal("ALGO TRIGGERING", "ALGO TRIGGERED", "ORDER NEW NEW", "ORDER TRADE FILLED", "ACCOUNT ORDER", "ALGO FINISHED");
        trigger[1]["o"]!["ai"]!.GetValue<string>().Should().Be(trigger[2]["o"]!["i"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture));
        trigger[3]["o"]!["L"]!.GetValue<string>().Should().Be("49500.0");
        trigger[4]["a"]!["P"]![0]!["pa"]!.GetValue<string>().Should().Be("0");
    }

    [Fact]
    public async Task Subscribe_form_on_private_stream_gets_wrapped_events()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var key = (await sim.Client.KeyOnly(HttpMethod.Post, "/fapi/v1/listenKey")).Body!["listenKey"]!.GetValue<string>();
        await using var ws = await WsClient.ConnectAsync(sim.Instance.StreamBaseUrl, "/private/stream");
        await ws.SendTextAsync($$"""{"method":"SUBSCRIBE","params":["{{key}}"],"id":1}""");
        (await ws.ReceiveAsync())!["id"]!.GetValue<int>().Should().Be(1);
        (await sim.Client.Signed(HttpMethod.Post, "/fapi/v1/leverage", "symbol=BTCUSDT&leverage=7")).Code.Should().Be(0);
        var message = (await ws.CollectAsync(1)).Single();
        message["stream"]!.GetValue<string>().Should().Be(key);
        message["data"]!["e"]!.GetValue<string>().Should().Be("ACCOUNT_CONFIG_UPDATE");
        message["data"]!["ac"]!["l"]!.GetValue<int>().Should().Be(7);
    }

    [Fact]
    public async Task Expired_listen_key_gets_listenKeyExpired_and_no_further_events()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var key = (await sim.Client.KeyOnly(HttpMethod.Post, "/fapi/v1/listenKey")).Body!["listenKey"]!.GetValue<string>();
        await using var ws = await WsClient.ConnectAsync(sim.Instance.StreamBaseUrl, "/private/ws?listenKey=" + key);
        sim.Clock.Advance(TimeSpan.FromMinutes(60));
        sim.Instance.Venue.ExpireListenKeys();
        var expired = (await ws.CollectAsync(1)).Single();
        expired["e"]!.GetValue<string>().Should().Be("listenKeyExpired");
        expired["listenKey"]!.GetValue<string>().Should().Be(key);
        expired["E"]!.GetValueKind().Should().Be(System.Text.Json.JsonValueKind.Number);

        (await sim.Client.Signed(HttpMethod.Post, "/fapi/v1/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.010")).Code.Should().Be(0);
        var leaked = new List<JsonNode>();
        await ws.ListAsync(leaked);
        leaked.Should().BeEmpty();
        (await sim.Client.KeyOnly(HttpMethod.Put, "/fapi/v1/listenKey")).Code.Should().Be(-1125);
    }
}
