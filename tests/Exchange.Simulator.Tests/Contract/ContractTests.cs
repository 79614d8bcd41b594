using System.Text.Json.Nodes;
using TradingBot.Exchange.Simulator.Tests.Support;

namespace TradingBot.Exchange.Simulator.Tests.Contract;

public sealed class ContractTests(ContractScenario scenario) : IClassFixture<ContractScenario>
{
    // Fields of the legacy TRAILING_STOP_MARKET sample on /order (the type is algo-only since 2025-12).
    private static readonly HashSet<string> s_trailing = ["activatePrice", "priceRate", "AP", "cr"];

    // COIN-M fields the generated SDK examples carry for USDⓈ-M allOrders/userTrades (not sent by USDⓈ-M).
    private static readonly HashSet<string> s_coinMargined = ["activatePrice", "priceRate", "cumBase", "pair", "baseQty", "marginAsset"];

    // Binance.Net's sample has isAutoAddMargin as a string; the official example (and docs) use a boolean, which we follow.
    private static readonly HashSet<string> s_autoAddMargin = ["isAutoAddMargin"];

    public static TheoryData<string, string, string, string, string> RestCases => new()
    {
        // method, path, params, fixture source ("bn:<file>" or "sdk:<file>#<op>"), ignored fields
        { "GET", "/fapi/v1/time", "", "bn:ExchangeData/GetServerTime.txt", "" },
        { "GET", "/fapi/v1/time", "", "sdk:rest-market-data.json#check_server_time", "" },
        { "GET", "/fapi/v1/exchangeInfo", "", "bn:ExchangeData/GetExchangeInfo.txt", "" },
        { "GET", "/fapi/v1/klines", "symbol=BTCUSDT&interval=1m&limit=5", "bn:ExchangeData/GetKlines.txt", "" },
        { "GET", "/fapi/v1/premiumIndex", "symbol=BTCUSDT", "bn:ExchangeData/GetMarkPrice.txt", "" },
        { "GET", "/fapi/v1/premiumIndex", "symbol=BTCUSDT", "sdk:rest-market-data.json#mark_price", "" },
        { "GET", "/fapi/v1/fundingRate", "symbol=BTCUSDT", "bn:ExchangeData/GetFundingRates.txt", "" },
        { "GET", "/fapi/v1/fundingRate", "symbol=BTCUSDT", "sdk:rest-market-data.json#get_funding_rate_history", "" },
        { "POST", "/fapi/v1/leverage", "symbol=BTCUSDT&leverage=10", "bn:Account/ChangeInitialLeverage.txt", "" },
        { "POST", "/fapi/v1/leverage", "symbol=ETHUSDT&leverage=5", "sdk:rest-trade.json#change_initial_leverage", "" },
        { "GET", "/fapi/v1/positionSide/dual", "", "sdk:rest-account.json#get_current_position_mode", "" },
        { "GET", "/fapi/v1/symbolConfig", "symbol=BTCUSDT", "bn:Account/GetSymbolConfiguration.txt", "autoadd" },
        { "GET", "/fapi/v1/symbolConfig", "", "sdk:rest-account.json#symbol_configuration", "" },
        { "POST", "/fapi/v1/order", "symbol=ETHUSDT&side=BUY&type=LIMIT&quantity=0.020&price=1950&timeInForce=GTC", "sdk:rest-trade.json#new_order", "" },
        { "POST", "/fapi/v1/order", "symbol=ETHUSDT&side=BUY&type=LIMIT&quantity=0.020&price=1950&timeInForce=GTC", "bn:Trading/PlaceOrder.txt", "trailing" },
        { "GET", "/fapi/v1/order", "symbol=BTCUSDT&origClientOrderId=rest-1", "bn:Trading/GetOrder.txt", "trailing" },
        { "GET", "/fapi/v1/order", "symbol=BTCUSDT&origClientOrderId=entry-1", "sdk:rest-trade.json#query_order", "trailing" },
        { "GET", "/fapi/v1/openOrder", "symbol=BTCUSDT&origClientOrderId=rest-1", "bn:Trading/GetOpenOrder.txt", "trailing" },
        { "GET", "/fapi/v1/openOrder", "symbol=BTCUSDT&origClientOrderId=rest-1", "sdk:rest-trade.json#query_current_open_order", "trailing" },
        { "GET", "/fapi/v1/openOrders", "symbol=BTCUSDT", "bn:Trading/GetOpenOrders.txt", "trailing" },
        { "GET", "/fapi/v1/openOrders", "", "sdk:rest-trade.json#current_all_open_orders", "trailing" },
        { "GET", "/fapi/v1/allOrders", "symbol=BTCUSDT", "bn:Trading/GetOrders.txt", "trailing" },
        { "GET", "/fapi/v1/allOrders", "symbol=BTCUSDT", "sdk:rest-trade.json#all_orders", "coinm" },
        { "GET", "/fapi/v1/userTrades", "symbol=BTCUSDT", "bn:Trading/GetUserTrades.txt", "" },
        { "GET", "/fapi/v1/userTrades", "symbol=BTCUSDT", "sdk:rest-trade.json#account_trade_list", "coinm" },
        { "POST", "/fapi/v1/algoOrder", "algoType=CONDITIONAL&symbol=ETHUSDT&side=SELL&type=TAKE_PROFIT&triggerPrice=2500&price=2500&quantity=0.020&clientAlgoId=c-1", "bn:Trading/PlaceConditionalOrder.txt", "" },
        { "POST", "/fapi/v1/algoOrder", "algoType=CONDITIONAL&symbol=ETHUSDT&side=SELL&type=TAKE_PROFIT&triggerPrice=2500&price=2500&quantity=0.020&clientAlgoId=c-2", "sdk:rest-trade.json#new_algo_order", "" },
        { "GET", "/fapi/v1/algoOrder", "clientAlgoId=sl-1", "bn:Trading/GetConditionalOrder.txt", "" },
        { "GET", "/fapi/v1/algoOrder", "clientAlgoId=sl-1", "sdk:rest-trade.json#query_algo_order", "" },
        { "GET", "/fapi/v1/openAlgoOrders", "symbol=BTCUSDT", "bn:Trading/GetOpenConditionalOrders.txt", "" },
        { "GET", "/fapi/v1/openAlgoOrders", "", "sdk:rest-trade.json#current_all_algo_open_orders", "" },
        { "GET", "/fapi/v1/allAlgoOrders", "symbol=BTCUSDT", "bn:Trading/GetConditionalOrders.txt", "" },
        { "GET", "/fapi/v1/allAlgoOrders", "symbol=BTCUSDT", "sdk:rest-trade.json#query_all_algo_orders", "" },
        { "GET", "/fapi/v3/positionRisk", "", "sdk:rest-trade.json#position_information_v3", "" },
        { "GET", "/fapi/v3/account", "", "bn:Account/GetAccountInfoV3.txt", "" },
        { "GET", "/fapi/v3/account", "", "sdk:rest-account.json#account_information_v3", "" },
        { "GET", "/fapi/v3/balance", "", "sdk:rest-account.json#futures_account_balance_v3", "" },
        { "GET", "/fapi/v3/balance", "", "bn:Account/GetBalances.txt", "" },
        { "GET", "/fapi/v1/ping", "", "literal:{}", "" }, // the docs' reply; the SDK example is null
        { "GET", "/fapi/v1/commissionRate", "symbol=BTCUSDT", "bn:Account/GetUserCommissionRate.txt", "" },
        { "GET", "/fapi/v1/commissionRate", "symbol=BTCUSDT", "sdk:rest-account.json#user_commission_rate", "" },
        { "POST", "/fapi/v1/listenKey", "", "bn:Account/StartUserStream.txt", "" },
        { "POST", "/fapi/v1/listenKey", "", "sdk:rest-user-data-streams.json#start_user_data_stream", "" },
        { "PUT", "/fapi/v1/listenKey", "", "sdk:rest-user-data-streams.json#keepalive_user_data_stream", "" },
        { "PUT", "/fapi/v1/listenKey", "", "bn:Account/KeepAliveUserStream.txt", "" },
        { "DELETE", "/fapi/v1/algoOrder", "clientAlgoId=c-1", "sdk:rest-trade.json#cancel_algo_order", "" },
        { "DELETE", "/fapi/v1/algoOpenOrders", "symbol=ETHUSDT", "bn:Trading/CancelAllConditionalOrders.txt", "" },
        { "DELETE", "/fapi/v1/algoOpenOrders", "symbol=ETHUSDT", "sdk:rest-trade.json#cancel_all_algo_open_orders", "" },
        { "DELETE", "/fapi/v1/allOpenOrders", "symbol=ETHUSDT", "bn:Trading/CancelAllOrders.txt", "" },
        { "DELETE", "/fapi/v1/allOpenOrders", "symbol=ETHUSDT", "sdk:rest-trade.json#cancel_all_open_orders", "" },
        { "POST", "/fapi/v1/marginType", "symbol=ETHUSDT&marginType=ISOLATED", "bn:Account/ChangeMarginType.txt", "" },
        { "POST", "/fapi/v1/marginType", "symbol=ETHUSDT&marginType=CROSSED", "sdk:rest-trade.json#change_margin_type", "" },
        { "POST", "/fapi/v1/positionSide/dual", "dualSidePosition=true", "bn:Account/ModifyPositionMode.txt", "" },
        { "POST", "/fapi/v1/positionSide/dual", "dualSidePosition=false", "sdk:rest-trade.json#change_position_mode", "" },
        { "DELETE", "/fapi/v1/order", "symbol=ETHUSDT&origClientOrderId=cancel-me", "bn:Trading/CancelOrder.txt", "trailing" },
        { "DELETE", "/fapi/v1/order", "symbol=ETHUSDT&origClientOrderId=cancel-me", "sdk:rest-trade.json#cancel_order", "trailing" },
        { "POST", "/fapi/v1/countdownCancelAll", "symbol=ETHUSDT&countdownTime=0", "bn:Trading/CancelAllOrdersAfterTimeout.txt", "" },
        { "POST", "/fapi/v1/countdownCancelAll", "symbol=ETHUSDT&countdownTime=0", "sdk:rest-trade.json#auto_cancel_all_open_orders", "" },
        { "DELETE", "/fapi/v1/listenKey", "", "bn:Account/StopUserStream.txt", "" },
    };

    [SharedDataTheory]
    [MemberData(nameof(RestCases))]
    public async Task Rest_reply_has_the_fixture_field_names_and_json_types(string method, string path, string parameters, string source, string ignore)
    {
        // Cases run in any order, so each one prepares the state it needs; config toggles use the flat second account.
        var client = scenario.Client;
        var post = HttpMethod.Post;
        switch (path)
        {
            case "/fapi/v1/order" when method == "DELETE":
                (await client.Signed(post, "/fapi/v1/order", "symbol=ETHUSDT&side=BUY&type=LIMIT&quantity=0.020&price=1960&timeInForce=GTC&newClientOrderId=cancel-me")).Code.Should().Be(0);
                break;
            case "/fapi/v1/algoOrder" when method == "DELETE":
                var id = "del-" + Guid.NewGuid().ToString("N")[..8];
                (await client.Signed(post, "/fapi/v1/algoOrder", $"algoType=CONDITIONAL&symbol=ETHUSDT&side=SELL&type=TAKE_PROFIT_MARKET&triggerPrice=2600&quantity=0.020&clientAlgoId={id}")).Code.Should().Be(0);
                parameters = "clientAlgoId=" + id;
                break;
            case "/fapi/v1/marginType":
                client = scenario.Client2;
                await client.Signed(post, path, parameters.Contains("ISOLATED", StringComparison.Ordinal) ? "symbol=ETHUSDT&marginType=CROSSED" : "symbol=ETHUSDT&marginType=ISOLATED");
                break;
            case "/fapi/v1/positionSide/dual" when method == "POST":
                client = scenario.Client2;
                await client.Signed(post, path, parameters.Contains("true", StringComparison.Ordinal) ? "dualSidePosition=false" : "dualSidePosition=true");
                break;
        }

        var http = new HttpMethod(method);
        var reply = path.Contains("listenKey", StringComparison.Ordinal)
            ? await client.KeyOnly(http, path, parameters)
            : path is "/fapi/v1/time" or "/fapi/v1/ping" or "/fapi/v1/exchangeInfo" or "/fapi/v1/klines" or "/fapi/v1/premiumIndex" or "/fapi/v1/fundingRate"
                ? await client.Public(path, parameters)
                : await client.Signed(http, path, parameters);
        reply.Code.Should().Be(0, reply.Body?.ToJsonString());

        var expected = Load(source);
        var ignored = ignore switch
        {
            "trailing" => s_trailing,
            "coinm" => s_coinMargined,
            "autoadd" => s_autoAddMargin,
            _ => [],
        };
        if (expected is JsonArray { Count: > 0 })
        {
            reply.Body!.AsArray().Should().NotBeEmpty("the scenario must produce rows to compare");
        }

        Fixtures.ShapeDifferences(expected, reply.Body, ignored).Should().BeEmpty(reply.Body?.ToJsonString());
        if (source.StartsWith("literal:", StringComparison.Ordinal))
        {
            reply.Body!.ToJsonString().Should().Be(source["literal:".Length..]);
        }
    }

    public static TheoryData<string, string, string> EventCases => new()
    {
        { "ORDER_TRADE_UPDATE", "bn-stream:OrderUpdate.txt", "trailing" },
        { "ACCOUNT_UPDATE", "bn-stream:AccountUpdate.txt", "" },
        { "ALGO_UPDATE", "bn-stream:AlgoOrderUpdate.txt", "" },
        { "ALGO_UPDATE", "live:algo-update-triggered", "" },
        { "ACCOUNT_CONFIG_UPDATE", "bn-stream:Leverage.txt", "" },
        { "kline", "bn-stream:Klines.txt", "" },
        { "kline", "sdk:ws-streams-market.json#kline_candlestick_streams", "" },
        { "markPriceUpdate", "bn-stream:MarkPrice.txt", "" },
        { "markPriceUpdate", "sdk:ws-streams-market.json#mark_price_stream", "" },
    };

    [SharedDataTheory]
    [MemberData(nameof(EventCases))]
    public void Stream_event_has_the_fixture_field_names_and_json_types(string eventType, string source, string ignore)
    {
        var candidates = scenario.UserEvents.Concat(scenario.MarketEvents).Where(e => e["e"]!.GetValue<string>() == eventType).ToList();
        candidates.Should().NotBeEmpty($"the scenario produced no {eventType}");
        var expected = Load(source);
        var ignored = ignore == "trailing" ? s_trailing : [];

        // Every produced event of that type must match (e.g. all ALGO_UPDATE states, all ORDER_TRADE_UPDATE kinds).
        foreach (var actual in candidates)
        {
            Fixtures.ShapeDifferences(expected, actual, ignored).Should().BeEmpty(actual.ToJsonString());
        }
    }

    [SharedDataFact]
    public void Scenario_covered_every_user_event_kind_and_funding()
    {
        var kinds = scenario.UserEvents.Select(e => e["e"]!.GetValue<string>()).ToHashSet();
        kinds.Should().Contain(["ORDER_TRADE_UPDATE", "ACCOUNT_UPDATE", "ALGO_UPDATE", "ACCOUNT_CONFIG_UPDATE"]);
        scenario.UserEvents.Should().Contain(e => e["e"]!.GetValue<string>() == "ACCOUNT_UPDATE" && e["a"]!["m"]!.GetValue<string>() == "FUNDING_FEE");
        scenario.UserEvents.Should().Contain(e => e["e"]!.GetValue<string>() == "ALGO_UPDATE" && e["o"]!["X"]!.GetValue<string>() == "FINISHED");
    }

    private static JsonNode Load(string source)
    {
        var (kind, rest) = (source[..source.IndexOf(':', StringComparison.Ordinal)], source[(source.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        switch (kind)
        {
            case "bn":
                return Fixtures.Endpoint(rest);
            case "literal":
                return JsonNode.Parse(rest)!;
            case "bn-stream":
                return Fixtures.Stream(rest);
            case "sdk":
                var parts = rest.Split('#');
                return Fixtures.Official(parts[0], parts[1]);
            default:
                var live = JsonNode.Parse(File.ReadAllText(SharedData.Binance("observed-live-samples.json")))!["samples"]!.AsArray();
                return live.Single(s => s!["id"]!.GetValue<string>().StartsWith(rest, StringComparison.Ordinal))!["message"]!["data"]!;
        }
    }
}
