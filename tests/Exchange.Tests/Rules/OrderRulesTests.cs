using TradingBot.Exchange.Model;
using TradingBot.Exchange.Port;
using TradingBot.Exchange.Rules;
using TradingBot.Exchange.Tests.Support;

namespace TradingBot.Exchange.Tests.Rules;

public sealed class OrderRulesTests
{
    private static readonly InstrumentRules s_btc = new(
        "BTCUSDT", "TRADING", "PERPETUAL", "BTC", "USDT", "USDT", 2, 3,
        new PriceFilter(556.80m, 4529764m, 0.10m),
        new LotSizeFilter(0.001m, 1000m, 0.001m),
        new LotSizeFilter(0.001m, 120m, 0.001m),
        100m,
        new PercentPriceFilter(1.05m, 0.95m, 4),
        200,
        0.05m);

    [Theory]
    [InlineData("0.0129", "0.012")]
    [InlineData("0.0010", "0.001")]
    [InlineData("1.23456789", "1.234")]
    [InlineData("0.0009", "0")]
    public void Quantity_rounds_down_to_step(string input, string expected) =>
        OrderRules.RoundQuantityDown(s_btc, decimal.Parse(input, System.Globalization.CultureInfo.InvariantCulture), isMarket: true)
            .Should().Be(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("60000.04", "60000.0")]
    [InlineData("60000.05", "60000.1")]
    [InlineData("60000.16", "60000.2")]
    public void Price_rounds_to_nearest_tick(string input, string expected) =>
        OrderRules.RoundPriceNearest(s_btc, decimal.Parse(input, System.Globalization.CultureInfo.InvariantCulture))
            .Should().Be(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData(OrderSide.Sell, ConditionalOrderType.StopMarket, "58000.07", "58000.0")]
    [InlineData(OrderSide.Buy, ConditionalOrderType.StopMarket, "58000.01", "58000.1")]
    [InlineData(OrderSide.Sell, ConditionalOrderType.TakeProfitMarket, "62000.01", "62000.1")]
    [InlineData(OrderSide.Buy, ConditionalOrderType.TakeProfitMarket, "62000.09", "62000.0")]
    [InlineData(OrderSide.Sell, ConditionalOrderType.StopMarket, "58000.1", "58000.1")]
    public void Trigger_rounds_away_from_entry(OrderSide side, ConditionalOrderType type, string input, string expected) =>
        OrderRules.RoundTriggerAway(s_btc, decimal.Parse(input, System.Globalization.CultureInfo.InvariantCulture), side, type)
            .Should().Be(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Rounded_values_lie_on_the_grid()
    {
        for (var p = 600m; p < 601m; p += 0.013m)
        {
            OrderRules.IsOnGrid(OrderRules.RoundPriceNearest(s_btc, p), s_btc.Price.MinPrice, s_btc.Price.TickSize).Should().BeTrue();
            OrderRules.IsOnGrid(OrderRules.RoundQuantityDown(s_btc, p / 1000m, true), 0, s_btc.LotSize.StepSize).Should().BeTrue();
        }
    }

    [Fact]
    public void Market_orders_use_market_lot_size_limit_orders_lot_size()
    {
        var market = () => OrderRules.ValidateQuantity(s_btc, 200m, isMarket: true);
        market.Should().Throw<ExchangeRejectedException>().Which.Code.Should().Be(-4005);
        OrderRules.ValidateQuantity(s_btc, 200m, isMarket: false).Should().Be(200m);
    }

    [Theory]
    [InlineData("0", -4003)]
    [InlineData("-1", -4003)]
    [InlineData("0.0009", -4004)]
    public void Bad_quantities_are_rejected_locally(string qty, int code)
    {
        var act = () => OrderRules.ValidateQuantity(s_btc, decimal.Parse(qty, System.Globalization.CultureInfo.InvariantCulture), isMarket: true);
        var ex = act.Should().Throw<ExchangeRejectedException>().Which;
        ex.Code.Should().Be(code);
        ex.IsLocal.Should().BeTrue();
    }

    [Fact]
    public void Min_notional_is_checked_unless_reduce_only()
    {
        var act = () => OrderRules.ValidateNotional(s_btc, 0.001m, 60000m, reduceOnly: false);
        act.Should().Throw<ExchangeRejectedException>().Which.Code.Should().Be(-4164);
        OrderRules.ValidateNotional(s_btc, 0.001m, 60000m, reduceOnly: true);
        OrderRules.ValidateNotional(s_btc, 0.002m, 50000m, reduceOnly: false);
    }

    [Fact]
    public void Price_bounds_are_checked()
    {
        var low = () => OrderRules.ValidatePrice(s_btc, 500m);
        low.Should().Throw<ExchangeRejectedException>().Which.Code.Should().Be(-4013);
        var high = () => OrderRules.ValidatePrice(s_btc, 5_000_000m);
        high.Should().Throw<ExchangeRejectedException>();
    }

    [Fact]
    public async Task Client_rejects_below_min_notional_before_sending()
    {
        var http = new FakeHttp().WithExchangeInfo();
        await using var client = TestClients.Create(http);

        var act = () => client.PlaceMarketOrderAsync(new MarketOrderRequest("BTCUSDT", OrderSide.Buy, 0.0019m, "tb-1", ReferencePrice: 60000m));

        (await act.Should().ThrowAsync<ExchangeRejectedException>()).Which.IsLocal.Should().BeTrue();
        http.To("POST", "/fapi/v1/order").Should().BeEmpty();
    }

    [Fact]
    public async Task Client_fetches_mark_price_for_the_notional_check_when_none_given()
    {
        var http = new FakeHttp().WithExchangeInfo();
        http.OnJson("GET", "/fapi/v1/premiumIndex", """{"symbol":"BTCUSDT","markPrice":"40000","indexPrice":"1","estimatedSettlePrice":"1","lastFundingRate":"0","nextFundingTime":0,"time":0}""");
        await using var client = TestClients.Create(http);

        var act = () => client.PlaceMarketOrderAsync(new MarketOrderRequest("BTCUSDT", OrderSide.Buy, 0.002m, "tb-1"));

        (await act.Should().ThrowAsync<ExchangeRejectedException>()).Which.Code.Should().Be(-4164);
        http.To("GET", "/fapi/v1/premiumIndex").Should().ContainSingle();
        http.To("POST", "/fapi/v1/order").Should().BeEmpty();
    }

    [Fact]
    public async Task Client_sends_rounded_quantity_and_trigger()
    {
        var http = new FakeHttp().WithExchangeInfo();
        http.OnJson("POST", "/fapi/v1/algoOrder", """{"algoId":1,"clientAlgoId":"tb-sl-1","symbol":"BTCUSDT","side":"SELL","orderType":"STOP_MARKET","algoStatus":"NEW","createTime":1,"updateTime":1}""");
        await using var client = TestClients.Create(http);

        await client.PlaceConditionalOrderAsync(new ConditionalOrderRequest(
            "BTCUSDT", OrderSide.Sell, ConditionalOrderType.StopMarket, 58000.07m, "tb-sl-1", Quantity: 0.01049m, ReduceOnly: true));

        var req = http.To("POST", "/fapi/v1/algoOrder").Single();
        req.Param("quantity").Should().Be("0.01");
        req.Param("triggerPrice").Should().Be("58000");
        req.Param("reduceOnly").Should().Be("true");
    }

    [Theory]
    [InlineData("bad id with spaces")]
    [InlineData("")]
    [InlineData("0123456789012345678901234567890123456")]
    public async Task Client_rejects_invalid_client_ids_locally(string id)
    {
        var http = new FakeHttp().WithExchangeInfo();
        await using var client = TestClients.Create(http);

        var act = () => client.PlaceMarketOrderAsync(new MarketOrderRequest("BTCUSDT", OrderSide.Buy, 1m, id, ReferencePrice: 60000m));

        (await act.Should().ThrowAsync<ExchangeRejectedException>()).Which.Code.Should().Be(-4015);
        http.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Close_position_with_quantity_is_rejected_locally()
    {
        var http = new FakeHttp().WithExchangeInfo();
        await using var client = TestClients.Create(http);

        var act = () => client.PlaceConditionalOrderAsync(new ConditionalOrderRequest(
            "BTCUSDT", OrderSide.Sell, ConditionalOrderType.StopMarket, 58000m, "tb-sl-1", Quantity: 1m, ClosePosition: true));

        (await act.Should().ThrowAsync<ExchangeRejectedException>()).Which.Code.Should().Be(-4137);
    }
}
