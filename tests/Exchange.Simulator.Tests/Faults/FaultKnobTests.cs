using System.Net;
using System.Text.Json.Nodes;
using TradingBot.Exchange.Simulator.Tests.Support;

namespace TradingBot.Exchange.Simulator.Tests.Faults;

/// <summary>What each fault knob does on the wire (the client's reaction is in the round-trip tests).</summary>
public sealed class FaultKnobTests
{
    private const string Market = "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.010&newClientOrderId=";

    [Fact]
    public async Task Lost_response_executes_then_drops_the_connection()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        sim.Instance.Faults.OnlyPath = "/fapi/v1/order";
        sim.Instance.Faults.DropRepliesAfterExecuting();
        var act = () => sim.Client.Signed(HttpMethod.Post, "/fapi/v1/order", Market + "lost-1");
        await act.Should().ThrowAsync<HttpRequestException>();
        (await sim.Client.Signed(HttpMethod.Get, "/fapi/v1/order", "symbol=BTCUSDT&origClientOrderId=lost-1")).Body!["status"]!.GetValue<string>().Should().Be("FILLED");
    }

    [Fact]
    public async Task Unknown_503_and_timeout_1007_execute_then_report_unknown_status()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        sim.Instance.Faults.OnlyMethod = "POST";
        sim.Instance.Faults.UnknownErrorAfterExecuting();
        var unknown = await sim.Client.Signed(HttpMethod.Post, "/fapi/v1/order", Market + "u-1");
        unknown.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        unknown.Body!["msg"]!.GetValue<string>().Should().StartWith("Unknown error");
        sim.Instance.Faults.TimeoutAfterExecuting();
        var timeout = await sim.Client.Signed(HttpMethod.Post, "/fapi/v1/order", Market + "t-1");
        timeout.Code.Should().Be(-1007);
        var trades = (await sim.Client.Signed(HttpMethod.Get, "/fapi/v1/userTrades", "symbol=BTCUSDT")).Body!.AsArray();
        trades.Should().HaveCount(2, "both requests executed although the replies said otherwise");
    }

    [Fact]
    public async Task Rate_limit_burst_refuses_without_executing_and_clock_skew_moves_server_time()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        sim.Instance.Faults.RateLimitBurst(1);
        var limited = await sim.Client.Signed(HttpMethod.Post, "/fapi/v1/order", Market + "r-1");
        limited.Status.Should().Be((HttpStatusCode)429);
        limited.Raw.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(1));
        sim.Clock.Advance(TimeSpan.FromSeconds(2));
        (await sim.Client.Signed(HttpMethod.Get, "/fapi/v1/order", "symbol=BTCUSDT&origClientOrderId=r-1")).Code.Should().Be(-2013);

        sim.Instance.Faults.ClockSkew = TimeSpan.FromSeconds(-7);
        (await sim.Client.Public("/fapi/v1/time")).Body!["serverTime"]!.GetValue<long>().Should().Be(sim.Clock.GetUtcNow().AddSeconds(-7).ToUnixTimeMilliseconds());
        (await sim.Client.Signed(HttpMethod.Get, "/fapi/v3/account")).Code.Should().Be(-1021, "our timestamp is now 7 s ahead of the server");
    }

    [Fact]
    public async Task Duplicated_and_reordered_user_events_and_socket_drops()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var key = (await sim.Client.KeyOnly(HttpMethod.Post, "/fapi/v1/listenKey")).Body!["listenKey"]!.GetValue<string>();
        await using var ws = await WsClient.ConnectAsync(sim.Instance.StreamBaseUrl, "/private/ws/" + key);

        sim.Instance.Faults.DuplicateEventProbability = 1;
        (await sim.Client.Signed(HttpMethod.Post, "/fapi/v1/order", Market + "d-1")).Code.Should().Be(0);
        (await ws.CollectAsync(6)).Select(e => e["e"]!.GetValue<string>() + (e["o"]?["x"]?.GetValue<string>() ?? string.Empty))
            .Should().Equal("ORDER_TRADE_UPDATENEW", "ORDER_TRADE_UPDATENEW", "ORDER_TRADE_UPDATETRADE", "ORDER_TRADE_UPDATETRADE", "ACCOUNT_UPDATE", "ACCOUNT_UPDATE");

        sim.Instance.Faults.DuplicateEventProbability = 0;
        sim.Instance.Faults.ReorderEventProbability = 1;
        (await sim.Client.Signed(HttpMethod.Post, "/fapi/v1/order", Market + "o-1")).Code.Should().Be(0);
        (await ws.CollectAsync(3)).Select(e => e["e"]!.GetValue<string>() + (e["o"]?["x"]?.GetValue<string>() ?? string.Empty))
            .Should().Equal("ORDER_TRADE_UPDATETRADE", "ORDER_TRADE_UPDATENEW", "ACCOUNT_UPDATE");

        sim.Instance.Faults.DropSockets("private");
        JsonNode? next;
        var dropped = false;
        try
        {
            next = await ws.ReceiveAsync();
            dropped = next is null;
        }
        catch (System.Net.WebSockets.WebSocketException)
        {
            dropped = true;
        }

        dropped.Should().BeTrue();
    }
}
