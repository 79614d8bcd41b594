using TradingBot.Exchange.Model;
using TradingBot.Exchange.Tests.Support;

namespace TradingBot.Exchange.Tests.Fixtures;

/// <summary>Every REST reply fixture we use is served by a fake and read back through the client.</summary>
public sealed class RestFixtureParsingTests
{
    [SharedDataFact]
    public async Task ExchangeInfo_docs_sample_yields_all_filters()
    {
        var http = new FakeHttp().Serve("ExchangeData/GetExchangeInfo.txt");
        await using var client = TestClients.Create(http);

        var blz = await client.GetInstrumentAsync("blzusdt");

        blz.Price.Should().Be(new PriceFilter(0.0001m, 300m, 0.0001m));
        blz.LotSize.Should().Be(new LotSizeFilter(1m, 10_000_000m, 1m));
        blz.MarketLotSize.Should().Be(new LotSizeFilter(1m, 590119m, 1m));
        blz.MinNotional.Should().Be(5.0m);
        blz.PercentPrice.Should().Be(new PercentPriceFilter(1.15m, 0.85m, 4));
        blz.MaxOpenOrders.Should().Be(200);
        blz.TriggerProtect.Should().Be(0.15m);
        blz.IsTrading.Should().BeTrue();
        blz.ContractType.Should().Be("PERPETUAL");
    }

    [SharedDataFact]
    public async Task Klines_docs_row_and_ccxt_recorded_rows_parse()
    {
        var http = new FakeHttp().Serve("ExchangeData/GetKlines.txt");
        await using var client = TestClients.Create(http);

        var rows = await client.GetKlinesAsync(new KlineQuery("BTCUSDT", KlineInterval.OneMinute, DateTimeOffset.FromUnixTimeMilliseconds(1499040000000)));

        rows.Should().ContainSingle();
        rows[0].Open.Should().Be(0.01634790m);
        rows[0].High.Should().Be(0.80000000m);
        rows[0].Close.Should().Be(0.01577100m);
        rows[0].Volume.Should().Be(148976.11427815m);
        rows[0].TradeCount.Should().Be(308);
        rows[0].TakerBuyQuoteVolume.Should().Be(28.46694368m);

        var ccxt = new FakeHttp().OnJson("GET", "/fapi/v1/klines", Support.Fixtures.CcxtResponse("fetchOHLCV").GetRawText());
        await using var client2 = TestClients.Create(ccxt);
        var recorded = await client2.GetKlinesAsync(new KlineQuery("BTCUSDT", KlineInterval.OneMinute, DateTimeOffset.FromUnixTimeMilliseconds(1712738460000), MaxCount: 3));
        recorded.Select(k => k.Close).Should().Equal(71481.90m, 70459.40m, 70459.40m);
        recorded[1].OpenTime.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1712738520000));
        recorded[1].CloseTime.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1712738579999));
    }

    [SharedDataFact]
    public async Task Server_time_and_mark_price_parse()
    {
        var http = new FakeHttp().Serve("ExchangeData/GetServerTime.txt").Serve("ExchangeData/GetMarkPrice.txt");
        await using var client = TestClients.Create(http);

        (await client.GetServerTimeAsync()).Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1499827319559));
        var mark = await client.GetMarkPriceAsync("BTCUSDT");
        mark.Price.Should().Be(11793.63104562m);
        mark.FundingRate.Should().Be(0.00038246m);
        mark.NextFundingTime.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1597392000000));

        var sdk = new FakeHttp()
            .OnJson("GET", "/fapi/v1/time", Support.Fixtures.SdkResponse("rest-market-data", "check_server_time"))
            .OnJson("GET", "/fapi/v1/premiumIndex", Support.Fixtures.SdkResponse("rest-market-data", "mark_price"));
        await using var client2 = TestClients.Create(sdk);
        (await client2.GetServerTimeAsync()).Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1499827319559));
        (await client2.GetMarkPriceAsync("BTCUSDT")).IndexPrice.Should().Be(11781.80495970m);
    }

    [SharedDataFact]
    public async Task Legacy_place_order_reply_shape_parses()
    {
        var http = new FakeHttp().WithExchangeInfo().Serve("Trading/PlaceOrder.txt");
        await using var client = TestClients.Create(http);

        var order = await client.PlaceMarketOrderAsync(new MarketOrderRequest("BTCUSDT", OrderSide.Buy, 10m, "testOrder", ReferencePrice: 60000m));

        order.OrderId.Should().Be(22542179);
        order.Type.Should().Be(OrderType.TrailingStopMarket, "the fixture predates the algo split; only the shape matters");
        order.AveragePrice.Should().Be(0m);
    }

    [SharedDataFact]
    public async Task Order_replies_parse_from_binance_net_and_official_examples()
    {
        var http = new FakeHttp().Serve("Trading/GetOrder.txt").Serve("Trading/CancelOrder.txt").Serve("Trading/GetOpenOrders.txt");
        await using var client = TestClients.Create(http);

        var order = await client.GetOrderAsync("BTCUSDT", "abc");
        order!.OrderId.Should().Be(1917641);
        order.Type.Should().Be(OrderType.TrailingStopMarket);
        order.PositionSide.Should().Be(PositionSide.Short);
        order.OriginalQuantity.Should().Be(0.40m);
        order.AveragePrice.Should().Be(0m);

        var cancelled = await client.CancelOrderAsync("BTCUSDT", "myOrder1");
        cancelled!.Status.Should().Be(OrderStatus.Canceled);
        cancelled.AveragePrice.Should().BeNull("cancel replies no longer carry avgPrice");

        (await client.GetOpenOrdersAsync("BTCUSDT")).Should().ContainSingle().Which.ClientOrderId.Should().Be("abc");

        var sdk = new FakeHttp().WithExchangeInfo()
            .OnJson("POST", "/fapi/v1/order", Support.Fixtures.SdkResponse("rest-trade", "new_order"))
            .OnJson("GET", "/fapi/v1/openOrders", Support.Fixtures.SdkResponse("rest-trade", "current_all_open_orders"));
        await using var client2 = TestClients.Create(sdk);
        var placed = await client2.PlaceMarketOrderAsync(new MarketOrderRequest("BTCUSDT", OrderSide.Sell, 10m, "testOrder", ReferencePrice: 60000m));
        placed.OrderId.Should().Be(22542179);
        placed.Status.Should().Be(OrderStatus.New);
        placed.UpdateTime.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1566818724722));
        (await client2.GetOpenOrdersAsync()).Should().ContainSingle();
        sdk.To("GET", "/fapi/v1/openOrders").Single().ParameterNames.Should().NotContain("symbol");
    }

    [SharedDataFact]
    public async Task Ccxt_order_replies_with_stringified_ids_parse()
    {
        var http = new FakeHttp()
            .OnJson("GET", "/fapi/v1/order", Support.Fixtures.CcxtResponse("fetchOpenOrder").GetRawText())
            .OnJson("GET", "/fapi/v1/openOrders", Support.Fixtures.CcxtResponse("createOrders").GetRawText());
        await using var client = TestClients.Create(http);

        var order = await client.GetOrderAsync("LTCUSDT", "x");
        order!.OrderId.Should().Be(664082074, "orderId arrives as a string in this fixture");
        (await client.GetOpenOrdersAsync("BTCUSDT")).Single().Price.Should().Be(110001.00m);
    }

    [SharedDataFact]
    public async Task Algo_order_replies_parse_in_every_documented_shape()
    {
        var http = new FakeHttp().WithExchangeInfo()
            .Serve("Trading/PlaceConditionalOrder.txt")
            .Serve("Trading/GetConditionalOrder.txt")
            .Serve("Trading/GetOpenConditionalOrders.txt")
            .Serve("Trading/GetConditionalOrders.txt")
            .Serve("Trading/CancelConditionalOrder.txt")
            .Serve("Trading/CancelAllConditionalOrders.txt")
            .Serve("Trading/CancelAllOrders.txt");
        await using var client = TestClients.Create(http);

        var placed = await client.PlaceConditionalOrderAsync(new ConditionalOrderRequest(
            "BTCUSDT", OrderSide.Sell, ConditionalOrderType.TakeProfitMarket, 62000m, "6B2I9XVcJpCjqPAJ4YoFX7", Quantity: 0.01m, ReduceOnly: true));
        placed.AlgoId.Should().Be(2146760);
        placed.Status.Should().Be(AlgoOrderStatus.New);
        placed.Type.Should().Be(OrderType.TakeProfit);
        placed.TriggerPrice.Should().Be(750m);

        var finished = await client.GetAlgoOrderAsync("BTCUSDT", "x-yHjDKm8h7cd1bf4f-9ce3-4d55-b9f");
        finished!.AlgoId.Should().Be(1000001270850379);
        finished.Status.Should().Be(AlgoOrderStatus.Finished);
        finished.ActualOrderId.Should().Be(974828356187, "actualOrderId is a string on the wire");
        finished.ActualPrice.Should().Be(69067.6m);
        finished.TriggerTime.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1775461936114));

        var open = await client.GetOpenAlgoOrdersAsync("BNBUSDT");
        open.Should().ContainSingle().Which.ActualOrderId.Should().BeNull("empty actualOrderId means not triggered");

        (await client.GetAlgoOrderHistoryAsync(new AlgoOrderHistoryQuery("BTCUSDT"))).Should().ContainSingle();
        (await client.CancelAlgoOrderAsync("BTCUSDT", "0Xkl1p621E4EryvufmYre1")).Should().BeTrue();
        var all = await client.CancelAllOrdersAsync("BTCUSDT");
        all.Should().Be(new CancelAllResult("BTCUSDT", true, true));
    }

    [SharedDataFact]
    public async Task Official_algo_examples_parse_including_short_cancel_reply_and_None_strings()
    {
        var http = new FakeHttp().WithExchangeInfo()
            .OnJson("POST", "/fapi/v1/algoOrder", Support.Fixtures.SdkResponse("rest-trade", "new_algo_order"))
            .OnJson("GET", "/fapi/v1/algoOrder", Support.Fixtures.SdkResponse("rest-trade", "query_algo_order"))
            .OnJson("DELETE", "/fapi/v1/algoOrder", Support.Fixtures.SdkResponse("rest-trade", "cancel_algo_order"))
            .OnJson("GET", "/fapi/v1/openAlgoOrders", Support.Fixtures.SdkResponse("rest-trade", "current_all_algo_open_orders"))
            .OnJson("GET", "/fapi/v1/allAlgoOrders", Support.Fixtures.SdkResponse("rest-trade", "query_all_algo_orders"));
        await using var client = TestClients.Create(http);

        (await client.PlaceConditionalOrderAsync(new ConditionalOrderRequest(
            "BTCUSDT", OrderSide.Sell, ConditionalOrderType.StopMarket, 58000m, "tb-sl-1", ClosePosition: true))).AlgoId.Should().Be(2146760);
        (await client.GetAlgoOrderAsync("BNBUSDT", "6B2I9XVcJpCjqPAJ4YoFX7"))!.Status.Should().Be(AlgoOrderStatus.Canceled);
        (await client.CancelAlgoOrderAsync("BNBUSDT", "6B2I9XVcJpCjqPAJ4YoFX7")).Should().BeTrue();
        (await client.GetOpenAlgoOrdersAsync()).Should().ContainSingle();
        (await client.GetAlgoOrderHistoryAsync(new AlgoOrderHistoryQuery("BNBUSDT"))).Should().ContainSingle();
    }

    [SharedDataFact]
    public async Task Account_balance_positions_and_commission_parse()
    {
        var http = new FakeHttp()
            .Serve("Account/GetAccountInfoV3.txt")
            .Serve("Account/GetBalances.txt")
            .Serve("Account/GetUserCommissionRate.txt")
            .Serve("Account/ChangeInitialLeverage.txt")
            .Serve("Account/ChangeMarginType.txt")
            .Serve("Account/ModifyPositionMode.txt")
            .OnJson("GET", "/fapi/v3/positionRisk", Support.Fixtures.SdkResponse("rest-trade", "position_information_v3"));
        await using var client = TestClients.Create(http);

        var account = await client.GetAccountAsync();
        account.TotalWalletBalance.Should().Be(103.12345678m);
        account.Assets.Should().NotBeEmpty();
        var balances = await client.GetBalancesAsync();
        balances.Single().WalletBalance.Should().Be(122607.35137903m);
        balances.Single().AvailableBalance.Should().Be(23.72469206m);
        var positions = await client.GetPositionsAsync();
        positions.Single().Should().Match<Position>(p => p.Symbol == "ADAUSDT" && p.Quantity == 30m && p.EntryPrice == 0.385m && p.BreakEvenPrice == 0.385077m);
        (await client.GetCommissionRateAsync("BTCUSDT")).Should().Be(new CommissionRate("BTCUSDT", 0.0002m, 0.0004m));
        (await client.SetLeverageAsync("BTCUSDT", 21)).Leverage.Should().Be(21);
        (await client.SetMarginTypeAsync("BTCUSDT", MarginType.Isolated)).Should().Be(ConfigChangeOutcome.Changed);
        (await client.SetPositionModeAsync(false)).Should().Be(ConfigChangeOutcome.Changed);
    }

    [SharedDataFact]
    public async Task Official_account_and_ccxt_position_and_balance_examples_parse()
    {
        var http = new FakeHttp()
            .OnJson("GET", "/fapi/v3/account", Support.Fixtures.SdkResponse("rest-account", "account_information_v3"))
            .OnJson("GET", "/fapi/v3/balance", Support.Fixtures.SdkResponse("rest-account", "futures_account_balance_v3"))
            .OnJson("GET", "/fapi/v1/commissionRate", Support.Fixtures.SdkResponse("rest-account", "user_commission_rate"))
            .OnJson("GET", "/fapi/v3/positionRisk", Support.Fixtures.CcxtResponse("fetchPositions").GetRawText());
        await using var client = TestClients.Create(http);

        var account = await client.GetAccountAsync();
        account.Positions.Single().Quantity.Should().Be(1.000m);
        account.Assets.Single().WalletBalance.Should().Be(23.72469206m);
        (await client.GetBalancesAsync()).Single().Asset.Should().Be("USDT");
        (await client.GetCommissionRateAsync("BTCUSDT")).Taker.Should().Be(0.0004m);
        var pos = (await client.GetPositionsAsync()).First();
        pos.Quantity.Should().Be(0.009m);
        pos.LiquidationPrice.Should().Be(64846.98753790m);

        var ccxtBalance = new FakeHttp().OnJson("GET", "/fapi/v3/account", Support.Fixtures.CcxtResponse("fetchBalance").GetRawText());
        await using var client2 = TestClients.Create(ccxtBalance);
        (await client2.GetAccountAsync()).TotalWalletBalance.Should().Be(31.02261200m);
    }

    [SharedDataFact]
    public async Task Binance_net_v2_style_positions_parse_leniently()
    {
        var http = new FakeHttp().Serve("Trading/GetPositions.txt");
        await using var client = TestClients.Create(http);

        var positions = await client.GetPositionsAsync("BTCUSDT");

        positions.Should().NotBeEmpty();
        positions[0].Side.Should().Be(PositionSide.Long);
        positions[0].Quantity.Should().Be(0.001m);
    }
}
