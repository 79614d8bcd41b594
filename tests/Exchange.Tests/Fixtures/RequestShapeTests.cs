using System.Text.Json;
using TradingBot.Exchange.Model;
using TradingBot.Exchange.Tests.Support;

namespace TradingBot.Exchange.Tests.Fixtures;

/// <summary>
/// Our outgoing requests compared with ccxt's recorded requests (method, path, parameter names and values;
/// ccxt's skipKeys excluded) and with the parameter names the official SDK documents.
/// </summary>
public sealed class RequestShapeTests
{
    private static readonly HashSet<string> s_skip = ["signature", "timestamp", "recvWindow", "newClientOrderId", "newClientStrategyId", "clientAlgoId"];

    private static (string Method, string Path, Dictionary<string, string> Params) Ccxt(string method, string description, string httpMethod)
    {
        var entry = Support.Fixtures.CcxtRequests(method).Single(e => e.GetProperty("description").GetString() == description);
        var url = new Uri(entry.GetProperty("url").GetString()!);
        var body = entry.TryGetProperty("output", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString()! : "";
        var parameters = SeenRequest.ParseForm(url.Query.TrimStart('?')).Concat(SeenRequest.ParseForm(body))
            .Where(p => !s_skip.Contains(p.Key))
            .ToDictionary(p => p.Key, p => p.Value);
        return (httpMethod, url.AbsolutePath, parameters);
    }

    private static Dictionary<string, string> Ours(SeenRequest request) =>
        request.Parameters.Where(p => !s_skip.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value);

    private static void AssertSignedShape(SeenRequest request)
    {
        var names = request.Parameters.Select(p => p.Key).ToList();
        names.Should().Contain(["timestamp", "recvWindow"]);
        names[^1].Should().Be("signature");
    }

    private static FakeHttp AnyJson(FakeHttp http, string method, string path, string body = "{}") => http.OnJson(method, path, body);

    [SharedDataFact]
    public async Task Market_order_matches_ccxt_swap_market_buy()
    {
        var expected = Ccxt("createOrder", "Swap market buy order", "POST");
        var http = new FakeHttp().WithExchangeInfo();
        AnyJson(http, "POST", "/fapi/v1/order", """{"orderId":1,"symbol":"LTCUSDT","side":"BUY","type":"MARKET","status":"NEW","updateTime":1}""");
        await using var client = TestClients.Create(http);

        await client.PlaceMarketOrderAsync(new MarketOrderRequest("LTCUSDT", OrderSide.Buy, 0.1m, "tb-1", ReferencePrice: 100m));

        var req = http.To("POST", "/fapi/v1/order").Single();
        (req.Method, req.Path).Should().Be((expected.Method, expected.Path));
        Ours(req).Should().BeEquivalentTo(expected.Params);
        req.Param("newClientOrderId").Should().Be("tb-1");
        AssertSignedShape(req);
    }

    [SharedDataFact]
    public async Task Reduce_only_market_order_adds_only_reduceOnly()
    {
        var expected = Ccxt("createOrder", "Swap market buy order", "POST");
        var http = new FakeHttp().WithExchangeInfo();
        AnyJson(http, "POST", "/fapi/v1/order", """{"orderId":1,"symbol":"LTCUSDT","side":"BUY","type":"MARKET","status":"NEW","updateTime":1}""");
        await using var client = TestClients.Create(http);

        await client.PlaceMarketOrderAsync(new MarketOrderRequest("LTCUSDT", OrderSide.Buy, 0.1m, "tb-1", ReduceOnly: true));

        var ours = Ours(http.To("POST", "/fapi/v1/order").Single());
        ours.Should().BeEquivalentTo(new Dictionary<string, string>(expected.Params) { ["reduceOnly"] = "true" });
        http.To("GET", "/fapi/v1/premiumIndex").Should().BeEmpty("reduce-only orders are exempt from MIN_NOTIONAL");
    }

    [SharedDataFact]
    public async Task Conditional_order_goes_to_algoOrder_with_algoType_and_triggerPrice_using_documented_names()
    {
        var ccxt = Ccxt("createOrder", "linear swap conditional createOrder", "POST");
        var documented = Support.Fixtures.SdkOperation("rest-trade", "new_algo_order").GetProperty("exampleParamsWithOptional")
            .EnumerateObject().Select(p => p.Name).ToHashSet();
        var http = new FakeHttp().WithExchangeInfo();
        AnyJson(http, "POST", "/fapi/v1/algoOrder", """{"algoId":1,"clientAlgoId":"tb-sl-1","symbol":"BTCUSDT","side":"SELL","orderType":"STOP_MARKET","algoStatus":"NEW","createTime":1,"updateTime":1}""");
        await using var client = TestClients.Create(http);

        await client.PlaceConditionalOrderAsync(new ConditionalOrderRequest(
            "BTCUSDT", OrderSide.Buy, ConditionalOrderType.StopMarket, 100000m, "tb-sl-1", Quantity: 0.002m));

        var req = http.To("POST", "/fapi/v1/algoOrder").Single();
        req.Path.Should().Be(ccxt.Path);
        var ours = Ours(req);
        // Same core as ccxt's conditional order (ccxt's STOP carries a limit price; *_MARKET does not).
        foreach (var key in new[] { "symbol", "side", "quantity", "triggerPrice", "algoType" })
        {
            ours[key].Should().Be(ccxt.Params[key], key);
        }

        ours["type"].Should().Be("STOP_MARKET");
        ours.Should().NotContainKey("price").And.NotContainKey("stopPrice");
        req.ParameterNames.Where(n => n is not ("timestamp" or "signature")).Should().OnlyContain(n => documented.Contains(n), "every name is a documented algo parameter");
        req.Param("clientAlgoId").Should().Be("tb-sl-1");
        AssertSignedShape(req);
    }

    [SharedDataFact]
    public async Task Close_position_stop_uses_documented_names()
    {
        var documented = Support.Fixtures.SdkOperation("rest-trade", "new_algo_order").GetProperty("exampleParamsWithOptional")
            .EnumerateObject().Select(p => p.Name).ToHashSet();
        var http = new FakeHttp().WithExchangeInfo();
        AnyJson(http, "POST", "/fapi/v1/algoOrder", """{"algoId":1,"clientAlgoId":"tb-sl-1","symbol":"BTCUSDT","side":"SELL","orderType":"STOP_MARKET","algoStatus":"NEW","createTime":1,"updateTime":1}""");
        await using var client = TestClients.Create(http);

        await client.PlaceConditionalOrderAsync(new ConditionalOrderRequest(
            "BTCUSDT", OrderSide.Sell, ConditionalOrderType.StopMarket, 58000m, "tb-sl-1", ClosePosition: true, PriceProtect: true));

        var req = http.To("POST", "/fapi/v1/algoOrder").Single();
        Ours(req).Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["symbol"] = "BTCUSDT", ["side"] = "SELL", ["type"] = "STOP_MARKET", ["triggerPrice"] = "58000",
            ["workingType"] = "MARK_PRICE", ["closePosition"] = "true", ["priceProtect"] = "true", ["algoType"] = "CONDITIONAL",
        });
        req.ParameterNames.Where(n => n is not ("timestamp" or "signature")).Should().OnlyContain(n => documented.Contains(n));
    }

    [SharedDataFact]
    public async Task Query_and_cancel_by_client_id_match_ccxt()
    {
        var fetch = Ccxt("fetchOrderWithClientOrderId", "fetch order with clientOrderId", "GET");
        var cancel = Ccxt("cancelOrderWithClientOrderId", "cancel order with clientOrderId", "DELETE");
        var order = """{"orderId":1,"symbol":"LTCUSDT","side":"BUY","type":"MARKET","status":"NEW","updateTime":1}""";
        var http = new FakeHttp();
        AnyJson(http, "GET", "/fapi/v1/order", order);
        AnyJson(http, "DELETE", "/fapi/v1/order", order);
        await using var client = TestClients.Create(http);

        await client.GetOrderAsync("LTCUSDT", "myid123");
        await client.CancelOrderAsync("LTCUSDT", "myid123");

        Ours(http.To("GET", fetch.Path).Single()).Should().BeEquivalentTo(fetch.Params);
        Ours(http.To("DELETE", cancel.Path).Single()).Should().BeEquivalentTo(cancel.Params);
        AssertSignedShape(http.To("DELETE", cancel.Path).Single());
    }

    [SharedDataFact]
    public async Task Algo_query_and_cancel_use_the_algo_endpoint_with_documented_names()
    {
        var ccxtCancel = Ccxt("cancelOrder", "linear swap conditional cancelOrder", "DELETE");
        var ccxtFetch = Ccxt("fetchOrder", "linear swap conditional fetchOrder", "GET");
        var cancelDoc = Support.Fixtures.SdkOperation("rest-trade", "cancel_algo_order").GetProperty("exampleParamsWithOptional").EnumerateObject().Select(p => p.Name).ToHashSet();
        var queryDoc = Support.Fixtures.SdkOperation("rest-trade", "query_algo_order").GetProperty("exampleParamsWithOptional").EnumerateObject().Select(p => p.Name).ToHashSet();
        var http = new FakeHttp();
        AnyJson(http, "DELETE", "/fapi/v1/algoOrder", """{"algoId":3386,"clientAlgoId":"tb-sl-1","code":"200","msg":"success"}""");
        AnyJson(http, "GET", "/fapi/v1/algoOrder", """{"algoId":3386,"clientAlgoId":"tb-sl-1","symbol":"BTCUSDT","side":"SELL","orderType":"STOP_MARKET","algoStatus":"NEW","createTime":1,"updateTime":1}""");
        await using var client = TestClients.Create(http);

        await client.CancelAlgoOrderAsync("BTCUSDT", "tb-sl-1");
        await client.GetAlgoOrderAsync("BTCUSDT", "tb-sl-1");

        var cancel = http.To("DELETE", ccxtCancel.Path).Single();
        var fetch = http.To("GET", ccxtFetch.Path).Single();
        cancel.ParameterNames.Where(n => n is not ("timestamp" or "signature")).Should().OnlyContain(n => cancelDoc.Contains(n));
        fetch.ParameterNames.Where(n => n is not ("timestamp" or "signature")).Should().OnlyContain(n => queryDoc.Contains(n));
        cancel.Param("clientAlgoId").Should().Be("tb-sl-1", "docs: algoId or clientAlgoId; we key on our own id");
    }

    [SharedDataTheory]
    [InlineData("Fetch OHLCV - linear")]
    [InlineData("ohlcv with since and until should use maxLimit swap")]
    public async Task Klines_request_matches_ccxt(string description)
    {
        var expected = Ccxt("fetchOHLCV", description, "GET");
        var http = new FakeHttp();
        AnyJson(http, "GET", "/fapi/v1/klines", "[]");
        await using var client = TestClients.Create(http);
        KlineIntervals.TryParse(expected.Params["interval"], out var interval).Should().BeTrue();
        await client.GetKlinesAsync(new KlineQuery(
            "BTCUSDT",
            interval,
            DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(expected.Params["startTime"], System.Globalization.CultureInfo.InvariantCulture)),
            expected.Params.TryGetValue("endTime", out var end) ? DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(end, System.Globalization.CultureInfo.InvariantCulture)) : null,
            MaxCount: int.Parse(expected.Params["limit"], System.Globalization.CultureInfo.InvariantCulture)));

        var req = http.To("GET", expected.Path).Single();
        Ours(req).Should().BeEquivalentTo(expected.Params);
        req.Headers.ContainsKey("X-MBX-APIKEY").Should().BeFalse();
    }

    [SharedDataFact]
    public async Task Account_configuration_requests_match_ccxt()
    {
        var leverage = Ccxt("setLeverage", "Swap linear setLeverage", "POST");
        var margin = Ccxt("setMarginMode", "Set margin mode to cross", "POST");
        var mode = Ccxt("setPositionMode", "Swap linear setPositionMode", "POST");
        var http = new FakeHttp();
        AnyJson(http, "POST", "/fapi/v1/leverage", """{"leverage":5,"maxNotionalValue":"1","symbol":"LTCUSDT"}""");
        AnyJson(http, "POST", "/fapi/v1/marginType", """{"code":200,"msg":"success"}""");
        AnyJson(http, "POST", "/fapi/v1/positionSide/dual", """{"code":200,"msg":"success"}""");
        await using var client = TestClients.Create(http);

        await client.SetLeverageAsync("LTCUSDT", 5);
        await client.SetMarginTypeAsync("BTCUSDT", MarginType.Crossed);
        await client.SetPositionModeAsync(true);

        Ours(http.To("POST", leverage.Path).Single()).Should().BeEquivalentTo(leverage.Params);
        Ours(http.To("POST", margin.Path).Single()).Should().BeEquivalentTo(margin.Params);
        Ours(http.To("POST", mode.Path).Single()).Should().BeEquivalentTo(mode.Params);
    }

    [SharedDataFact]
    public async Task Lists_positions_account_fees_and_cancel_all_match_ccxt()
    {
        var openOrders = Ccxt("fetchOpenOrders", "Swap open orders", "GET");
        var openAlgo = Ccxt("fetchOpenOrders", "linear swap conditional fetchOpenOrders", "GET");
        var cancelAll = Ccxt("cancelAllOrders", "Swap cancelAllOrders", "DELETE");
        var cancelAllAlgo = Ccxt("cancelAllOrders", "Linear swap trigger cancel all orders", "DELETE");
        var positions = Ccxt("fetchPositions", "fetch default positions", "GET");
        var balance = Ccxt("fetchBalance", "Swap fetchBalance", "GET");
        var fee = Ccxt("fetchTradingFee", "Linear swap fetch trading fee", "GET");
        var http = new FakeHttp();
        AnyJson(http, "GET", openOrders.Path, "[]");
        AnyJson(http, "GET", openAlgo.Path, "[]");
        AnyJson(http, "DELETE", cancelAll.Path, """{"code":200,"msg":"done"}""");
        AnyJson(http, "DELETE", cancelAllAlgo.Path, """{"code":200,"msg":"done"}""");
        AnyJson(http, "GET", positions.Path, "[]");
        AnyJson(http, "GET", balance.Path, "{}");
        AnyJson(http, "GET", fee.Path, """{"symbol":"BTCUSDT","makerCommissionRate":"0.0002","takerCommissionRate":"0.0005"}""");
        await using var client = TestClients.Create(http);

        await client.GetOpenOrdersAsync("LTCUSDT");
        await client.GetOpenAlgoOrdersAsync("BTCUSDT");
        await client.CancelAllOrdersAsync("LTCUSDT");
        await client.GetPositionsAsync();
        await client.GetAccountAsync();
        await client.GetCommissionRateAsync("BTCUSDT");

        Ours(http.To("GET", openOrders.Path).Single()).Should().BeEquivalentTo(openOrders.Params);
        Ours(http.To("GET", openAlgo.Path).Single()).Should().BeEquivalentTo(openAlgo.Params);
        Ours(http.To("DELETE", cancelAll.Path).Single()).Should().BeEquivalentTo(cancelAll.Params);
        Ours(http.To("DELETE", cancelAllAlgo.Path).Single()).Should().BeEquivalentTo(new Dictionary<string, string> { ["symbol"] = "LTCUSDT" }, "cancel-all covers both books");
        cancelAllAlgo.Params.Keys.Should().BeEquivalentTo(["symbol"]);
        Ours(http.To("GET", positions.Path).Single()).Should().BeEquivalentTo(positions.Params);
        Ours(http.To("GET", balance.Path).Single()).Should().BeEquivalentTo(balance.Params);
        Ours(http.To("GET", fee.Path).Single()).Should().BeEquivalentTo(fee.Params);
    }

    [SharedDataFact]
    public async Task ListenKey_calls_are_keyed_but_unsigned()
    {
        var http = new FakeHttp().Serve("Account/StartUserStream.txt").Serve("Account/KeepAliveUserStream.txt").Serve("Account/StopUserStream.txt");
        var rest = new Uri("http://127.0.0.1:1");
        await using var client = TestClients.Create(http, TestClients.Options(rest) with { ListenKeyKeepAliveInterval = TimeSpan.FromHours(1) });

        // The user stream creates the key before connecting; the socket connect to port 1 fails and retries.
        var subscription = await client.SubscribeUserAsync((_, _) => ValueTask.CompletedTask);
        await WaitFor(() => http.To("POST", "/fapi/v1/listenKey").Any());
        await subscription.DisposeAsync();

        var create = http.To("POST", "/fapi/v1/listenKey").First();
        create.Headers["X-MBX-APIKEY"].Should().Be(TestClients.ApiKey);
        create.ParameterNames.Should().BeEmpty();
        http.To("DELETE", "/fapi/v1/listenKey").Should().ContainSingle().Which.ParameterNames.Should().BeEmpty();
    }

    private static async Task WaitFor(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "condition not reached");
            await Task.Delay(5);
        }
    }
}
