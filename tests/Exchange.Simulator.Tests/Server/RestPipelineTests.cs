using System.Net;
using TradingBot.Exchange.Simulator.Matching;
using TradingBot.Exchange.Simulator.Server.Rest;
using TradingBot.Exchange.Simulator.Tests.Support;

namespace TradingBot.Exchange.Simulator.Tests.Server;

public sealed class RestPipelineTests
{
    private static readonly HttpMethod s_post = HttpMethod.Post;

    [Fact]
    public async Task Public_endpoints_answer_with_server_time_and_weight_header()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var time = await sim.Client.Public("/fapi/v1/time");
        time.Status.Should().Be(HttpStatusCode.OK);
        time.Body!["serverTime"]!.GetValue<long>().Should().Be(SimulatorFixture.ServerStart.ToUnixTimeMilliseconds());
        time.Raw.Headers.GetValues("X-MBX-USED-WEIGHT-1M").Should().ContainSingle();
        (await sim.Client.Public("/fapi/v1/ping")).Body!.ToJsonString().Should().Be("{}");
        var missing = await sim.Client.Public("/fapi/v1/nope");
        missing.Status.Should().Be(HttpStatusCode.NotFound);
        missing.Code.Should().BeNegative();
    }

    [Fact]
    public async Task Security_checks_run_in_binance_order()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var c = sim.Client;
        (await c.Send(HttpMethod.Get, "/fapi/v3/account", "timestamp=1", null, withKey: false)).Code.Should().Be(-2014);
        (await c.Send(HttpMethod.Get, "/fapi/v3/account", "timestamp=1&signature=00", null, true, keyOverride: "unknown")).Code.Should().Be(-2015);
        (await c.Send(HttpMethod.Get, "/fapi/v3/account", "timestamp=1", null, true)).Code.Should().Be(-1102);
        (await c.Send(HttpMethod.Get, "/fapi/v3/account", "timestamp=1&signature=abcd", null, true)).Code.Should().Be(-1022);

        var now = sim.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        async Task<int> WithTimestamp(long ts, string extra = "")
        {
            var payload = $"timestamp={ts}{extra}";
            return (await c.Send(HttpMethod.Get, "/fapi/v3/account", payload + "&signature=" + RequestSignature.Sign(sim.Instance.ApiSecret, payload), null, true)).Code;
        }

        (await WithTimestamp(now - 5001)).Should().Be(-1021);
        (await WithTimestamp(now + 1000)).Should().Be(-1021);
        (await WithTimestamp(now - 9000, "&recvWindow=10000")).Should().Be(0);
        (await WithTimestamp(now + 999)).Should().Be(0);
        (await c.Signed(HttpMethod.Get, "/fapi/v3/account", "recvWindow=70000")).Code.Should().Be(-1131);
    }

    [Fact]
    public async Task Signature_covers_raw_query_plus_raw_body_and_query_wins()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var ts = sim.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var query = "symbol=BTCUSDT&side=BUY&type=MARKET";
        var body = $"quantity=0.010&newClientOrderId=mix-1&timestamp={ts}";
        var signature = RequestSignature.Sign(sim.Instance.ApiSecret, query + body);
        var reply = await sim.Client.Send(s_post, "/fapi/v1/order", query, body + "&signature=" + signature, true);
        reply.Status.Should().Be(HttpStatusCode.OK, reply.Body?.ToJsonString());
        reply.Body!["clientOrderId"]!.GetValue<string>().Should().Be("mix-1");
        reply.Raw.Headers.GetValues("X-MBX-ORDER-COUNT-1M").Single().Should().Be("1");

        var wrong = RequestSignature.Sign(sim.Instance.ApiSecret, query + "&" + body);
        (await sim.Client.Send(s_post, "/fapi/v1/order", query, body + "&signature=" + wrong, true)).Code.Should().Be(-1022);
    }

    [Theory]
    [InlineData("symbol=BTCUSDT&side=BUY&type=MARKET", -1102)]
    [InlineData("symbol=BTCUSDT&side=BUY&type=MARKET&quantity=abc", -1100)]
    [InlineData("symbol=BTCUSDT&side=UP&type=MARKET&quantity=0.01", -1117)]
    [InlineData("symbol=NOPEUSDT&side=BUY&type=MARKET&quantity=0.01", -1121)]
    [InlineData("symbol=BTCUSDT&side=BUY&type=SPECIAL&quantity=0.01", -1116)]
    [InlineData("symbol=BTCUSDT&side=BUY&type=STOP_MARKET&quantity=0.01&stopPrice=40000", -4120)]
    [InlineData("symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.0105", -1111)]
    [InlineData("symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0", -4003)]
    [InlineData("symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001", -4164)]
    [InlineData("symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.01&reduceOnly=true", -2022)]
    [InlineData("symbol=BTCUSDT&side=BUY&type=MARKET&quantity=5", -2019)]
    [InlineData("symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.01&price=40000", -1102)]
    [InlineData("symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.01&price=40000.05&timeInForce=GTC", -1111)]
    [InlineData("symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.01&newClientOrderId=0123456789012345678901234567890123456", -4015)]
    [InlineData("symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.01&positionSide=LONG", -4061)]
    [InlineData("symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.01&price=50100&timeInForce=GTX", -5022)]
    [InlineData("symbol=TESTUSDT&side=BUY&type=LIMIT&quantity=20&price=9.97&timeInForce=GTC", -4014)]
    [InlineData("symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.01&price=52600&timeInForce=GTC", -4016)]
    [InlineData("symbol=BTCUSDT&side=SELL&type=LIMIT&quantity=0.01&price=47400&timeInForce=GTC", -4024)]
    [InlineData("symbol=TESTUSDT&side=BUY&type=LIMIT&quantity=20.3&price=9.95&timeInForce=GTC", -4023)]
    public async Task Order_validation_uses_binance_error_codes(string parameters, int code)
    {
        await using var sim = await SimulatorFixture.StartAsync(o => o with
        {
            Symbols = ["BTCUSDT", "ETHUSDT", "TESTUSDT"],
            SymbolRules = [new SymbolSpec("TESTUSDT", "TEST", 0.05m, 0.5m, 1m, 1_000_000m, 100_000m, 5m, 0.05m, 1000m)],
        });
        var reply = await sim.Client.Signed(s_post, "/fapi/v1/order", parameters);
        reply.Code.Should().Be(code, reply.Body?.ToJsonString());
        ((int)reply.Status).Should().BeInRange(400, 499);
    }

    [Fact]
    public async Task Duplicate_open_client_id_is_minus_4116_and_reuse_after_close_is_allowed()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var c = sim.Client;
        (await c.Signed(s_post, "/fapi/v1/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.01&price=48000&timeInForce=GTC&newClientOrderId=dup")).Code.Should().Be(0);
        (await c.Signed(s_post, "/fapi/v1/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.01&price=48000&timeInForce=GTC&newClientOrderId=dup")).Code.Should().Be(-4116);
        (await c.Signed(HttpMethod.Delete, "/fapi/v1/order", "symbol=BTCUSDT&origClientOrderId=dup")).Body!["status"]!.GetValue<string>().Should().Be("CANCELED");
        (await c.Signed(HttpMethod.Delete, "/fapi/v1/order", "symbol=BTCUSDT&origClientOrderId=dup")).Code.Should().Be(-2011);
        (await c.Signed(s_post, "/fapi/v1/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.01&newClientOrderId=dup")).Code.Should().Be(0);
        (await c.Signed(HttpMethod.Get, "/fapi/v1/order", "symbol=BTCUSDT&origClientOrderId=unknown")).Code.Should().Be(-2013);
    }

    [Fact]
    public async Task Algo_order_rules_and_benign_config_codes()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var c = sim.Client;
        (await c.Signed(s_post, "/fapi/v1/algoOrder", "algoType=CONDITIONAL&symbol=BTCUSDT&side=SELL&type=STOP_MARKET&triggerPrice=51000&quantity=0.01")).Code.Should().Be(-2021);
        (await c.Signed(s_post, "/fapi/v1/algoOrder", "algoType=CONDITIONAL&symbol=BTCUSDT&side=SELL&type=STOP_MARKET&triggerPrice=49000&quantity=0.01&closePosition=true")).Code.Should().Be(-4137);
        (await c.Signed(s_post, "/fapi/v1/algoOrder", "algoType=CONDITIONAL&symbol=BTCUSDT&side=SELL&type=STOP_MARKET&triggerPrice=49000&closePosition=true&reduceOnly=true")).Code.Should().Be(-4138);
        (await c.Signed(s_post, "/fapi/v1/algoOrder", "symbol=BTCUSDT&side=SELL&type=STOP_MARKET&triggerPrice=49000&quantity=0.01")).Code.Should().Be(-1102);
        var ok = await c.Signed(s_post, "/fapi/v1/algoOrder", "algoType=CONDITIONAL&symbol=BTCUSDT&side=SELL&type=STOP_MARKET&triggerPrice=49000&closePosition=true&workingType=MARK_PRICE&clientAlgoId=sl-1");
        ok.Body!["algoStatus"]!.GetValue<string>().Should().Be("NEW");
        (await c.Signed(s_post, "/fapi/v1/algoOrder", "algoType=CONDITIONAL&symbol=BTCUSDT&side=SELL&type=STOP_MARKET&triggerPrice=48000&closePosition=true&clientAlgoId=sl-1")).Code.Should().Be(-4116);
        (await c.Signed(HttpMethod.Get, "/fapi/v1/order", "symbol=BTCUSDT&orderId=" + ok.Body["algoId"]!.GetValue<long>())).Code.Should().Be(-2013);
        (await c.Signed(HttpMethod.Get, "/fapi/v1/openOrders", "symbol=BTCUSDT")).Body!.AsArray().Should().BeEmpty();
        (await c.Signed(HttpMethod.Get, "/fapi/v1/openAlgoOrders", "symbol=BTCUSDT")).Body!.AsArray().Should().ContainSingle();
        (await c.Signed(s_post, "/fapi/v1/marginType", "symbol=BTCUSDT&marginType=CROSSED")).Code.Should().Be(-4046);
        (await c.Signed(s_post, "/fapi/v1/positionSide/dual", "dualSidePosition=false")).Code.Should().Be(-4059);
        (await c.Signed(s_post, "/fapi/v1/marginType", "symbol=BTCUSDT&marginType=ISOLATED")).Code.Should().Be(-4047);
        (await c.Signed(HttpMethod.Delete, "/fapi/v1/algoOpenOrders", "symbol=BTCUSDT")).Body!["code"]!.GetValue<int>().Should().Be(200);
        (await c.Signed(s_post, "/fapi/v1/marginType", "symbol=BTCUSDT&marginType=ISOLATED")).Body!["msg"]!.GetValue<string>().Should().Be("success");
    }

    [Fact]
    public async Task Countdown_cancel_all_cancels_the_symbol_orders_when_the_server_clock_passes_the_deadline()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var c = sim.Client;
        (await c.Signed(s_post, "/fapi/v1/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.01&price=48000&timeInForce=GTC&newClientOrderId=dms")).Code.Should().Be(0);
        var reply = await c.Signed(s_post, "/fapi/v1/countdownCancelAll", "symbol=BTCUSDT&countdownTime=120000");
        reply.Body!["countdownTime"]!.GetValue<string>().Should().Be("120000");
        sim.Clock.Advance(TimeSpan.FromSeconds(119));
        sim.Instance.Venue.Housekeep();
        (await c.Signed(HttpMethod.Get, "/fapi/v1/openOrders", "symbol=BTCUSDT")).Body!.AsArray().Should().ContainSingle();
        sim.Clock.Advance(TimeSpan.FromSeconds(2));
        sim.Instance.Venue.Housekeep();
        (await c.Signed(HttpMethod.Get, "/fapi/v1/order", "symbol=BTCUSDT&origClientOrderId=dms")).Body!["status"]!.GetValue<string>().Should().Be("CANCELED");
    }

    [Fact]
    public async Task Listen_key_lifecycle_on_the_server_clock()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var c = sim.Client;
        var key = (await c.KeyOnly(s_post, "/fapi/v1/listenKey")).Body!["listenKey"]!.GetValue<string>();
        (await c.KeyOnly(s_post, "/fapi/v1/listenKey")).Body!["listenKey"]!.GetValue<string>().Should().Be(key);
        sim.Clock.Advance(TimeSpan.FromMinutes(59));
        (await c.KeyOnly(HttpMethod.Put, "/fapi/v1/listenKey")).Body!["listenKey"]!.GetValue<string>().Should().Be(key);
        sim.Clock.Advance(TimeSpan.FromMinutes(61));
        (await c.KeyOnly(HttpMethod.Put, "/fapi/v1/listenKey")).Code.Should().Be(-1125);
        var fresh = (await c.KeyOnly(s_post, "/fapi/v1/listenKey")).Body!["listenKey"]!.GetValue<string>();
        fresh.Should().NotBe(key);
        (await c.KeyOnly(HttpMethod.Delete, "/fapi/v1/listenKey")).Body!.ToJsonString().Should().Be("{}");
        (await c.Send(s_post, "/fapi/v1/listenKey", string.Empty, null, withKey: false)).Code.Should().Be(-2014);
    }

    [Fact]
    public async Task Rate_limit_answers_429_with_retry_after_then_418()
    {
        await using var sim = await SimulatorFixture.StartAsync(o => o with { RateLimits = new RateLimitOptions { WeightPerMinute = 3, RequestsBeforeBan = 2 } });
        var c = sim.Client;
        for (var i = 0; i < 3; i++)
        {
            (await c.Public("/fapi/v1/time")).Status.Should().Be(HttpStatusCode.OK);
        }

        var limited = await c.Public("/fapi/v1/time");
        limited.Status.Should().Be((HttpStatusCode)429);
        limited.Code.Should().Be(-1003);
        limited.Raw.Headers.RetryAfter.Should().NotBeNull();
        (await c.Public("/fapi/v1/time")).Status.Should().Be((HttpStatusCode)429);
        var banned = await c.Public("/fapi/v1/time");
        banned.Status.Should().Be((HttpStatusCode)418);
        banned.Raw.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromMinutes(2));
        sim.Clock.Advance(TimeSpan.FromMinutes(3));
        (await c.Public("/fapi/v1/time")).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Garbage_requests_get_errors_not_crashes()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var c = sim.Client;
        (await c.Public("/fapi/v1/klines", "symbol=BTCUSDT&interval=7m")).Code.Should().Be(-1120);
        (await c.Public("/fapi/v1/klines", "symbol=BTCUSDT&interval=1m&limit=-5")).Code.Should().Be(-1130);
        (await c.Public("/fapi/v1/klines", "symbol=BTCUSDT&interval=1m&startTime=x")).Code.Should().Be(-1100);
        (await c.Public("/fapi/v1/klines", "symbol=%ZZ&interval=1m")).Code.Should().Be(-1121);
        (await c.Signed(s_post, "/fapi/v1/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=1e-2")).Code.Should().Be(-1100);
        (await c.Signed(s_post, "/fapi/v1/order", "%%%&&&==&symbol")).Code.Should().BeOneOf(-1022, -1102);
        (await c.Signed(s_post, "/fapi/v1/leverage", "symbol=BTCUSDT&leverage=99999999999999999999")).Code.Should().Be(-1100);
        (await c.Signed(s_post, "/fapi/v1/leverage", "symbol=BTCUSDT&leverage=0")).Code.Should().Be(-4028);
        (await c.Public("/fapi/v1/time")).Status.Should().Be(HttpStatusCode.OK);
    }
}
