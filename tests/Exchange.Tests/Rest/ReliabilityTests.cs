using TradingBot.Exchange.Model;
using TradingBot.Exchange.Port;
using TradingBot.Exchange.Tests.Support;

namespace TradingBot.Exchange.Tests.Rest;

public sealed class ReliabilityTests
{
    private const string FilledOrder = """
        {"orderId":42,"symbol":"BTCUSDT","status":"FILLED","clientOrderId":"tb-entry-1","price":"0","avgPrice":"60000.0",
         "origQty":"0.010","executedQty":"0.010","type":"MARKET","side":"BUY","positionSide":"BOTH","reduceOnly":false,
         "closePosition":false,"updateTime":1700000000000}
        """;

    private static MarketOrderRequest Entry => new("BTCUSDT", OrderSide.Buy, 0.0109m, "tb-entry-1", ReferencePrice: 60000m);

    public static TheoryData<string> LostResponses() => new() { "timeout", "503-unknown", "-1007", "-1000", "connection-reset", "garbage-200" };

    [Theory]
    [MemberData(nameof(LostResponses))]
    public async Task Unknown_outcome_is_resolved_by_querying_the_client_id_never_by_a_second_post(string failure)
    {
        var http = new FakeHttp().WithExchangeInfo();
        http.On("POST", "/fapi/v1/order", _ => failure switch
        {
            "timeout" => new FakeReply(0, "", Throw: new TaskCanceledException("simulated timeout", new TimeoutException())),
            "503-unknown" => new FakeReply(503, "Unknown error, please check your request or try again later."),
            "-1007" => FakeReply.Error(-1007, "Timeout waiting for response from backend server.", 503),
            "-1000" => FakeReply.Error(-1000, "An unknown error occured while processing the request.", 500),
            "connection-reset" => new FakeReply(0, "", Throw: new HttpRequestException(HttpRequestError.ResponseEnded, "reset")),
            _ => FakeReply.Json("<html>gateway</html>"),
        });
        // The order did go in: the first query says -2013 (not yet visible), the second finds it.
        http.OnSequence("GET", "/fapi/v1/order", FakeReply.Error(-2013, "Order does not exist."), FakeReply.Json(FilledOrder));
        await using var client = TestClients.Create(http);

        var order = await client.PlaceMarketOrderAsync(Entry);

        order.OrderId.Should().Be(42);
        order.Status.Should().Be(OrderStatus.Filled);
        http.To("POST", "/fapi/v1/order").Should().ContainSingle("an order is never blindly resent");
        http.To("GET", "/fapi/v1/order").Should().HaveCount(2);
        http.To("GET", "/fapi/v1/order").All(r => r.Param("origClientOrderId") == "tb-entry-1").Should().BeTrue();
    }

    [Fact]
    public async Task Unknown_outcome_not_found_within_grace_throws_unknown_outcome_after_one_post()
    {
        var http = new FakeHttp().WithExchangeInfo();
        http.On("POST", "/fapi/v1/order", _ => FakeReply.Error(-1007, "Timeout", 503));
        http.On("GET", "/fapi/v1/order", _ => FakeReply.Error(-2013, "Order does not exist."));
        await using var client = TestClients.Create(http);

        var act = () => client.PlaceMarketOrderAsync(Entry);

        (await act.Should().ThrowAsync<ExchangeUnknownOutcomeException>()).Which.Message.Should().Contain("NEW client id");
        http.To("POST", "/fapi/v1/order").Should().ContainSingle();
        http.To("GET", "/fapi/v1/order").Should().NotBeEmpty();
    }

    [Fact]
    public async Task Duplicate_client_id_is_adopted_by_query()
    {
        var http = new FakeHttp().WithExchangeInfo();
        http.On("POST", "/fapi/v1/order", _ => FakeReply.Error(-4116, "ClientOrderId is duplicated."));
        http.OnJson("GET", "/fapi/v1/order", FilledOrder);
        await using var client = TestClients.Create(http);

        var order = await client.PlaceMarketOrderAsync(Entry);

        order.ClientOrderId.Should().Be("tb-entry-1");
        http.To("POST", "/fapi/v1/order").Should().ContainSingle();
    }

    [Fact]
    public async Task Algo_order_unknown_outcome_is_resolved_by_client_algo_id()
    {
        var http = new FakeHttp().WithExchangeInfo();
        http.On("POST", "/fapi/v1/algoOrder", _ => new FakeReply(502, "Bad gateway"));
        http.OnJson("GET", "/fapi/v1/algoOrder", """
            {"algoId":1000000033225453,"clientAlgoId":"tb-sl-1","algoType":"CONDITIONAL","orderType":"STOP_MARKET","symbol":"BTCUSDT",
             "side":"SELL","positionSide":"BOTH","quantity":"0.010","algoStatus":"NEW","triggerPrice":"58000.0","workingType":"MARK_PRICE",
             "closePosition":false,"priceProtect":false,"reduceOnly":true,"createTime":1,"updateTime":1,"triggerTime":0}
            """);
        await using var client = TestClients.Create(http);

        var algo = await client.PlaceConditionalOrderAsync(new ConditionalOrderRequest(
            "BTCUSDT", OrderSide.Sell, ConditionalOrderType.StopMarket, 58000.07m, "tb-sl-1", Quantity: 0.01m, ReduceOnly: true));

        algo.AlgoId.Should().Be(1000000033225453);
        algo.TriggerTime.Should().BeNull();
        http.To("POST", "/fapi/v1/algoOrder").Should().ContainSingle();
        http.To("GET", "/fapi/v1/algoOrder").Single().Param("clientAlgoId").Should().Be("tb-sl-1");
    }

    [Fact]
    public async Task Rejections_are_not_reconciled_and_not_retried()
    {
        var http = new FakeHttp().WithExchangeInfo();
        http.On("POST", "/fapi/v1/order", _ => FakeReply.Error(-2019, "Margin is insufficient."));
        await using var client = TestClients.Create(http);

        var act = () => client.PlaceMarketOrderAsync(Entry);

        (await act.Should().ThrowAsync<ExchangeRejectedException>()).Which.Code.Should().Be(-2019);
        http.To("GET", "/fapi/v1/order").Should().BeEmpty();
        http.To("POST", "/fapi/v1/order").Should().ContainSingle();
    }

    [Fact]
    public async Task Timestamp_error_resyncs_the_clock_and_retries_once()
    {
        var http = new FakeHttp().WithExchangeInfo();
        var serverClock = DateTimeOffset.UtcNow.AddSeconds(7);
        http.On("GET", "/fapi/v1/time", _ => FakeReply.Json($"{{\"serverTime\":{serverClock.ToUnixTimeMilliseconds()}}}"));
        http.OnSequence("POST", "/fapi/v1/order",
            FakeReply.Error(-1021, "Timestamp for this request is outside of the recvWindow."),
            FakeReply.Json("""{"orderId":42,"symbol":"BTCUSDT","status":"NEW","clientOrderId":"tb-entry-1","side":"BUY","type":"MARKET","updateTime":1}"""));
        await using var client = TestClients.Create(http);

        var order = await client.PlaceMarketOrderAsync(Entry);

        order.Status.Should().Be(OrderStatus.New);
        http.To("GET", "/fapi/v1/time").Should().HaveCount(2, "initial sync + resync after -1021");
        var posts = http.To("POST", "/fapi/v1/order").ToList();
        posts.Should().HaveCount(2);
        client.ClockOffset.Should().BeCloseTo(TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(2));
        long.Parse(posts[1].Param("timestamp")!, System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeCloseTo(serverClock.ToUnixTimeMilliseconds(), 2000);
    }

    [Fact]
    public async Task Second_timestamp_error_is_not_retried_again()
    {
        var http = new FakeHttp().WithExchangeInfo();
        http.On("POST", "/fapi/v1/order", _ => FakeReply.Error(-1021, "Timestamp for this request is outside of the recvWindow."));
        await using var client = TestClients.Create(http);

        var act = () => client.PlaceMarketOrderAsync(Entry);

        (await act.Should().ThrowAsync<ExchangeNotExecutedException>()).Which.Code.Should().Be(-1021);
        http.To("POST", "/fapi/v1/order").Should().HaveCount(2);
    }

    [Fact]
    public async Task Http_429_blocks_until_retry_after_then_retries_once()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 11, 21, 8, 0, 10, TimeSpan.Zero));
        var http = new FakeHttp();
        http.OnSequence("GET", "/fapi/v1/premiumIndex",
            new FakeReply(429, """{"code":-1003,"msg":"Too many requests"}""", new Dictionary<string, string> { ["Retry-After"] = "7" }),
            FakeReply.Json("""{"symbol":"BTCUSDT","markPrice":"60000.1","indexPrice":"60000","estimatedSettlePrice":"60000","lastFundingRate":"0.0001","nextFundingTime":1700000000000,"time":1700000000000}"""));
        await using var client = TestClients.Create(http, time: time);

        var call = client.GetMarkPriceAsync("BTCUSDT");
        await time.NextTimerArmed().WaitAsync(TimeSpan.FromSeconds(10));

        http.To("GET", "/fapi/v1/premiumIndex").Should().ContainSingle("nothing is sent while blocked");
        client.RateLimits.BlockedUntil.Should().Be(time.GetUtcNow().AddSeconds(7));
        call.IsCompleted.Should().BeFalse();

        time.Advance(TimeSpan.FromSeconds(7));
        var mark = await call.WaitAsync(TimeSpan.FromSeconds(10));

        mark.Price.Should().Be(60000.1m);
        http.To("GET", "/fapi/v1/premiumIndex").Should().HaveCount(2);
        client.RateLimits.RateLimitHits.Should().Be(1);
    }

    [Fact]
    public async Task Retry_after_zero_waits_for_the_next_minute_boundary()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 11, 21, 8, 0, 10, TimeSpan.Zero));
        var http = new FakeHttp();
        http.On("GET", "/fapi/v1/premiumIndex", _ => new FakeReply(429, """{"code":-1003,"msg":"Too many requests"}""", new Dictionary<string, string> { ["Retry-After"] = "0" }));
        await using var client = TestClients.Create(http, time: time);

        var call = client.GetMarkPriceAsync("BTCUSDT");
        await time.NextTimerArmed().WaitAsync(TimeSpan.FromSeconds(10));

        client.RateLimits.BlockedUntil.Should().Be(new DateTimeOffset(2026, 11, 21, 8, 1, 0, TimeSpan.Zero));
        time.Advance(TimeSpan.FromSeconds(50));
        var act = () => call.WaitAsync(TimeSpan.FromSeconds(10));
        (await act.Should().ThrowAsync<ExchangeRateLimitException>()).Which.HttpStatus.Should().Be(429);
        http.To("GET", "/fapi/v1/premiumIndex").Should().HaveCount(2, "one retry after the wait, then give up");
    }

    [Fact]
    public async Task Http_418_ban_longer_than_the_wait_limit_fails_fast_without_sending()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 11, 21, 8, 0, 10, TimeSpan.Zero));
        var http = new FakeHttp();
        http.On("GET", "/fapi/v1/premiumIndex", _ => new FakeReply(418, """{"code":-1003,"msg":"Way too many requests; IP banned"}""", new Dictionary<string, string> { ["Retry-After"] = "600" }));
        await using var client = TestClients.Create(http, time: time);

        var first = () => client.GetMarkPriceAsync("BTCUSDT");
        (await first.Should().ThrowAsync<ExchangeRateLimitException>()).Which.HttpStatus.Should().Be(418);
        var second = () => client.GetMarkPriceAsync("BTCUSDT");
        (await second.Should().ThrowAsync<ExchangeRateLimitException>()).Which.RetryAt.Should().Be(time.GetUtcNow().AddSeconds(600));

        http.To("GET", "/fapi/v1/premiumIndex").Should().ContainSingle();
    }

    [Fact]
    public async Task Weight_and_order_count_headers_are_tracked()
    {
        var http = new FakeHttp().WithExchangeInfo();
        http.On("GET", "/fapi/v1/premiumIndex", _ => new FakeReply(200,
            """{"symbol":"BTCUSDT","markPrice":"1","indexPrice":"1","estimatedSettlePrice":"1","lastFundingRate":"0","nextFundingTime":0,"time":0}""",
            new Dictionary<string, string> { ["X-MBX-USED-WEIGHT-1M"] = "123", ["X-MBX-ORDER-COUNT-10S"] = "4", ["X-MBX-ORDER-COUNT-1M"] = "9" }));
        await using var client = TestClients.Create(http);

        await client.GetMarkPriceAsync("BTCUSDT");

        client.RateLimits.UsedWeight1m.Should().Be(123);
        client.RateLimits.OrderCount10s.Should().Be(4);
        client.RateLimits.OrderCount1m.Should().Be(9);
    }

    [Fact]
    public async Task Connection_refused_is_not_executed()
    {
        var http = new FakeHttp();
        http.On("GET", "/fapi/v1/premiumIndex", _ => new FakeReply(0, "", Throw: new HttpRequestException(HttpRequestError.ConnectionError, "refused")));
        await using var client = TestClients.Create(http);

        var act = () => client.GetMarkPriceAsync("BTCUSDT");

        await act.Should().ThrowAsync<ExchangeNotExecutedException>();
    }
}
