using System.Text.Json.Nodes;
using TradingBot.Exchange.Simulator.Tests.Support;

namespace TradingBot.Exchange.Simulator.Tests.Contract;

/// <summary>
/// One simulator in a state where every list endpoint has rows (open limit order, open and finished algo orders,
/// a position, trades, a funding settlement) and the user stream captured every event kind.
/// </summary>
public sealed class ContractScenario : IAsyncLifetime
{
    private SimulatorFixture? _sim;

    internal SimulatorFixture Sim => _sim!;

    internal RawClient Client => Sim.Client;

    /// <summary>A second account that stays flat (for margin type / position mode toggles).</summary>
    internal RawClient Client2 { get; private set; } = null!;

    public List<JsonNode> UserEvents { get; } = [];

    public List<JsonNode> MarketEvents { get; } = [];

    public long FinishedAlgoId { get; private set; }

    public long OpenOrderId { get; private set; }

    public string ListenKey { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        _sim = await SimulatorFixture.StartAsync(o => o with
        {
            Accounts =
            [
                new(Hosting.SimulatorOptions.DemoApiKey, Hosting.SimulatorOptions.DemoSecret, 10_000m),
                new("second-key", "second-secret", 10_000m),
            ],
        });
        Client2 = new RawClient(Sim.Instance.RestBaseUrl, "second-key", "second-secret", () => Sim.Clock.GetUtcNow().ToUnixTimeMilliseconds());
        var post = HttpMethod.Post;
        ListenKey = (await Client.KeyOnly(post, "/fapi/v1/listenKey")).Body!["listenKey"]!.GetValue<string>();
        await using var user = await WsClient.ConnectAsync(Sim.Instance.StreamBaseUrl, "/private/ws/" + ListenKey);
        await using var market = await WsClient.ConnectAsync(Sim.Instance.StreamBaseUrl, "/market/ws/btcusdt@kline_1m/btcusdt@markPrice");

        await Ok(Client.Signed(post, "/fapi/v1/leverage", "symbol=BTCUSDT&leverage=10"));
        await Ok(Client.Signed(post, "/fapi/v1/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.020&newClientOrderId=entry-1"));
        OpenOrderId = (await Ok(Client.Signed(post, "/fapi/v1/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.010&price=48000&timeInForce=GTC&newClientOrderId=rest-1")))["orderId"]!.GetValue<long>();
        FinishedAlgoId = (await Ok(Client.Signed(post, "/fapi/v1/algoOrder", "algoType=CONDITIONAL&symbol=BTCUSDT&side=SELL&type=STOP_MARKET&triggerPrice=49500&quantity=0.010&reduceOnly=true&clientAlgoId=sl-1")))["algoId"]!.GetValue<long>();
        await Ok(Client.Signed(post, "/fapi/v1/algoOrder", "algoType=CONDITIONAL&symbol=BTCUSDT&side=SELL&type=TAKE_PROFIT_MARKET&triggerPrice=60000&closePosition=true&workingType=MARK_PRICE&clientAlgoId=tp-1"));
        var hour8 = SimulatorFixture.MarketStart.AddHours(8);
        Sim.Instance.PushCandle("BTCUSDT", new(hour8.ToUnixTimeMilliseconds(), 50_000m, 50_100m, 49_400m, 49_800m, 3m));
        UserEvents.AddRange(await user.CollectAsync(14));
        MarketEvents.AddRange(await market.CollectAsync(5));
    }

    private static async Task<JsonNode> Ok(Task<RawClient.Reply> call)
    {
        var reply = await call;
        reply.Code.Should().Be(0, reply.Body?.ToJsonString());
        return reply.Body!;
    }

    public async Task DisposeAsync()
    {
        Client2?.Dispose();
        if (_sim is not null)
        {
            await _sim.DisposeAsync();
        }
    }
}
