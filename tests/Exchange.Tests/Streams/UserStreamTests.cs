using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using TradingBot.Exchange.Binance;
using TradingBot.Exchange.Model;
using TradingBot.Exchange.Model.Events;
using TradingBot.Exchange.Tests.Support;

namespace TradingBot.Exchange.Tests.Streams;

public sealed class UserStreamTests
{
    private const string OrderUpdate = """{"stream":"k","data":{"e":"ORDER_TRADE_UPDATE","E":1700000000100,"T":1700000000099,"o":{"s":"BTCUSDT","c":"tb-entry-1","S":"BUY","o":"MARKET","f":"GTC","q":"0.010","p":"0","ap":"60000.1","sp":"0","x":"TRADE","X":"FILLED","i":42,"l":"0.010","z":"0.010","L":"60000.1","N":"USDT","n":"0.30","T":1700000000099,"t":7,"b":"0","a":"0","m":false,"R":false,"wt":"CONTRACT_PRICE","ot":"MARKET","ps":"BOTH","cp":false,"rp":"0","pP":false,"si":0,"ss":0,"V":"NONE","pm":"NONE","gtd":0,"er":"0"}}}""";

    private const string AccountUpdate = """{"stream":"k","data":{"e":"ACCOUNT_UPDATE","E":1700000000101,"T":1700000000099,"a":{"m":"ORDER","B":[{"a":"USDT","wb":"999.7","cw":"999.7","bc":"0"}],"P":[{"s":"BTCUSDT","pa":"0.010","ep":"60000.1","bep":"60030","cr":"0","up":"0","mt":"cross","iw":"0","ps":"BOTH"}]}}}""";

    private static async Task<string?> ExpectSubscribe(System.Net.WebSockets.WebSocket socket, CancellationToken ct)
    {
        var text = await LoopbackServer.ReceiveTextAsync(socket, ct);
        using var doc = JsonDocument.Parse(text!);
        doc.RootElement.GetProperty("method").GetString().Should().Be("SUBSCRIBE");
        var key = doc.RootElement.GetProperty("params")[0].GetString();
        await LoopbackServer.SendAsync(socket, $"{{\"result\":null,\"id\":{doc.RootElement.GetProperty("id").GetRawText()}}}");
        return key;
    }

    [SharedDataFact]
    public async Task Subscribe_form_delivers_user_events_and_renews_the_key_on_listenKeyExpired()
    {
        await using var server = await LoopbackServer.StartAsync();
        var keys = new ConcurrentQueue<string>();
        var created = 0;
        server.OnJson("POST", "/fapi/v1/listenKey", ctx =>
        {
            ctx.Request.Headers["X-MBX-APIKEY"].ToString().Should().Be(TestClients.ApiKey);
            return $"{{\"listenKey\":\"k{Interlocked.Increment(ref created)}\"}}";
        });
        server.OnJson("DELETE", "/fapi/v1/listenKey", _ => "{}");
        var liveAlgo = Support.Fixtures.Json("observed-live-samples.json").GetProperty("samples")[0].GetProperty("message").GetRawText();
        server.OnSocket("/private/stream", async (socket, ctx, index) =>
        {
            keys.Enqueue((await ExpectSubscribe(socket, ctx.RequestAborted))!);
            if (index == 0)
            {
                await LoopbackServer.SendAsync(socket, OrderUpdate);
                await LoopbackServer.SendAsync(socket, liveAlgo);
                await LoopbackServer.SendAsync(socket, AccountUpdate);
                await LoopbackServer.SendAsync(socket, """{"stream":"k1","data":{"e":"listenKeyExpired","E":"1700000000200","listenKey":"k1"}}""");
            }
            else
            {
                await LoopbackServer.SendAsync(socket, """{"stream":"k2","data":{"e":"TRADE_LITE","E":1,"T":1,"s":"BTCUSDT","q":"0.01","p":"0","m":false,"c":"tb-exit-1","S":"SELL","L":"61000","l":"0.01","t":9,"i":43}}""");
            }

            await LoopbackServer.DrainAsync(socket, ctx.RequestAborted);
        });
        var sink = new EventSink();
        await using var client = new BinanceFuturesClient(TestClients.Options(server.HttpBase, server.WsBase));

        await using (await client.SubscribeUserAsync(sink.Handle))
        {
            await sink.WaitUntil(e => e.OfType<TradeLite>().Any());
        }

        await Eventually(() => keys.Count >= 2);
        keys.Should().Equal("k1", "k2");
        var events = sink.Events.Where(e => e is not StreamStateChanged).ToList();
        events.Select(e => e.GetType().Name).Should().Equal(nameof(OrderUpdated), nameof(AlgoOrderUpdated), nameof(AccountUpdated), nameof(ListenKeyExpired), nameof(TradeLite));
        var order = (OrderUpdated)events[0];
        (order.ClientOrderId, order.OrderId, order.Status, order.LastFilledPrice, order.Commission, order.ExpiryReason)
            .Should().Be(("tb-entry-1", 42L, OrderStatus.Filled, 60000.1m, 0.30m, "0"));
        ((AlgoOrderUpdated)events[1]).ChildOrderId.Should().Be(88937381063);
        ((AccountUpdated)events[2]).Positions.Single().Quantity.Should().Be(0.010m);
        ((ListenKeyExpired)events[3]).ListenKey.Should().Be("k1");
        var states = sink.Events.OfType<StreamStateChanged>().Select(s => (s.State, s.Attempt)).ToList();
        states.Should().StartWith([(Model.Events.StreamConnectionState.Connected, 0), (Model.Events.StreamConnectionState.Disconnected, 0), (Model.Events.StreamConnectionState.Reconnecting, 1), (Model.Events.StreamConnectionState.Connected, 1)]);
        server.RequestLog.Count(l => l == "POST /fapi/v1/listenKey").Should().Be(2);
        server.RequestLog.Should().Contain("DELETE /fapi/v1/listenKey");
    }

    [Fact]
    public async Task Path_form_connects_to_private_ws_listenKey()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.OnJson("POST", "/fapi/v1/listenKey", _ => """{"listenKey":"abc123"}""");
        server.OnJson("DELETE", "/fapi/v1/listenKey", _ => "{}");
        server.OnSocket("/private/ws/", async (socket, ctx, _) =>
        {
            await LoopbackServer.SendAsync(socket, """{"e":"ACCOUNT_CONFIG_UPDATE","E":1,"T":1,"ac":{"s":"BTCUSDT","l":7}}""");
            await LoopbackServer.DrainAsync(socket, ctx.RequestAborted);
        });
        var sink = new EventSink();
        await using var client = new BinanceFuturesClient(TestClients.Options(server.HttpBase, server.WsBase) with { UserStreamMode = UserStreamConnectMode.Path });

        await using (await client.SubscribeUserAsync(sink.Handle))
        {
            await sink.WaitUntil(e => e.OfType<AccountConfigUpdated>().Any());
        }

        sink.Events.OfType<AccountConfigUpdated>().Single().Leverage.Should().Be(7);
        server.RequestLog.Should().Contain("GET /private/ws/abc123");
    }

    [Fact]
    public async Task Keep_alive_minus_1125_creates_a_new_key_and_resubscribes()
    {
        await using var server = await LoopbackServer.StartAsync();
        var created = 0;
        var keys = new ConcurrentQueue<string>();
        server.OnJson("POST", "/fapi/v1/listenKey", _ => $"{{\"listenKey\":\"k{Interlocked.Increment(ref created)}\"}}");
        var firstSubscribed = new TaskCompletionSource();
        var expired = 0;
        server.OnHttp("PUT", "/fapi/v1/listenKey", async ctx =>
        {
            // The key "expires" once, after the first subscription is in place.
            if (firstSubscribed.Task.IsCompleted && Interlocked.Exchange(ref expired, 1) == 0)
            {
                ctx.Response.StatusCode = 400;
                await ctx.Response.WriteAsync("""{"code":-1125,"msg":"This listenKey does not exist."}""");
                return;
            }

            await ctx.Response.WriteAsync("{}");
        });
        server.OnJson("DELETE", "/fapi/v1/listenKey", _ => "{}");
        server.OnSocket("/private/stream", async (socket, ctx, _) =>
        {
            keys.Enqueue((await ExpectSubscribe(socket, ctx.RequestAborted))!);
            firstSubscribed.TrySetResult();
            await LoopbackServer.DrainAsync(socket, ctx.RequestAborted);
        });
        var sink = new EventSink();
        await using var client = new BinanceFuturesClient(TestClients.Options(server.HttpBase, server.WsBase) with { ListenKeyKeepAliveInterval = TimeSpan.FromMilliseconds(100) });

        await using (await client.SubscribeUserAsync(sink.Handle))
        {
            try
            {
                await sink.WaitUntil(e => e.OfType<StreamStateChanged>().Count(s => s.State == Model.Events.StreamConnectionState.Connected) >= 2);
            }
            catch (TimeoutException ex)
            {
                throw new TimeoutException(ex.Message + " | " + string.Join(", ", server.RequestLog), ex);
            }

            // "Connected" is reported once the SUBSCRIBE frame is sent; the server reads it a moment later, and closing
            // the subscription before that aborts its read.
            await Eventually(() => keys.Count >= 2);
        }

        keys.Should().Equal("k1", "k2");
        sink.Events.OfType<StreamStateChanged>().Should().Contain(s => s.Reason == "keep-alive -1125");
    }

    private static async Task Eventually(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }
}
