using System.Text;
using System.Text.Json.Nodes;
using TradingBot.Exchange.Binance.Streams;
using TradingBot.Exchange.Model;
using TradingBot.Exchange.Port;
using TradingBot.Exchange.Tests.Support;

namespace TradingBot.Exchange.Tests.Fuzz;

/// <summary>
/// One test per defect the parser fuzzers found: each input used to be accepted with a silently wrong value
/// (a default of 0 or 1970, a negative fill, an ambiguous duplicate) and is now rejected with the client's documented
/// outcome (a Malformed frame, counted by the stream; an <see cref="ExchangeProtocolException"/> from a REST call).
/// </summary>
public sealed class FuzzFindingsRegressionTests
{
    private static StreamFrame Parse(string json) => StreamMessageParser.Parse(Encoding.UTF8.GetBytes(json));

    private static string Push(string name, Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(Support.Fixtures.BinanceNetPush(name))!.AsObject();
        edit(root["data"]!.AsObject());
        return root.ToJsonString();
    }

    private static void ShouldBeMalformed(string json, string because) =>
        Parse(json).Kind.Should().Be(StreamFrameKind.Malformed, because);

    [SharedDataFact]
    public void Order_update_without_fill_quantities_is_rejected_not_read_as_zero()
    {
        Parse(Push("OrderUpdate", _ => { })).Kind.Should().Be(StreamFrameKind.Event, "the unmutated fixture parses");
        foreach (var field in new[] { "l", "z", "L", "q", "i", "X", "x", "c" })
        {
            ShouldBeMalformed(Push("OrderUpdate", d => d["o"]!.AsObject().Remove(field)), $"ORDER_TRADE_UPDATE without o.{field} must not default");
        }
    }

    [SharedDataFact]
    public void Order_update_with_negative_fill_quantity_or_price_is_rejected()
    {
        ShouldBeMalformed(Push("OrderUpdate", d => d["o"]!["l"] = "-0.001"), "a negative last fill quantity");
        ShouldBeMalformed(Push("OrderUpdate", d => d["o"]!["z"] = "-0.001"), "a negative cumulative fill quantity");
        ShouldBeMalformed(Push("OrderUpdate", d => d["o"]!["L"] = "-64000"), "a negative fill price");
        ShouldBeMalformed(Push("OrderUpdate", d => d["o"]!["ap"] = "-1"), "a negative average price");
    }

    [SharedDataFact]
    public void Order_update_whose_last_fill_exceeds_the_cumulative_fill_is_rejected() =>
        ShouldBeMalformed(Push("OrderUpdate", d => { d["o"]!["l"] = "0.002"; d["o"]!["z"] = "0.001"; }), "l is part of z");

    [SharedDataFact]
    public void Account_update_position_without_amount_is_rejected_not_read_as_flat()
    {
        ShouldBeMalformed(Push("AccountUpdate", d => d["a"]!["P"]![1]!.AsObject().Remove("pa")), "a missing pa would read as a closed position");
        ShouldBeMalformed(Push("AccountUpdate", d => d["a"]!["P"]![1]!["ep"] = "-6563.665"), "a negative entry price");
        ShouldBeMalformed(Push("AccountUpdate", d => d["a"]!["B"]![0]!.AsObject().Remove("wb")), "a balance row without wallet balance");
    }

    [SharedDataTheory]
    [InlineData("c", null, "missing close")]
    [InlineData("l", "0", "zero low")]
    [InlineData("o", "-0.0010", "negative open")]
    [InlineData("h", "0.0001", "high below low")]
    [InlineData("v", "-1000", "negative volume")]
    [InlineData("T", "1638747600000", "close before open")]
    [InlineData("t", null, "missing open time")]
    public void Closed_kline_with_an_impossible_candle_is_rejected(string field, string? value, string because)
    {
        var json = Push("Klines", d =>
        {
            var k = d["k"]!.AsObject();
            k["x"] = true;
            if (value is null)
            {
                k.Remove(field);
            }
            else
            {
                k[field] = field is "T" ? JsonValue.Create(long.Parse(value, System.Globalization.CultureInfo.InvariantCulture)) : JsonValue.Create(value);
            }
        });
        ShouldBeMalformed(json, because);
    }

    [SharedDataFact]
    public void Mark_price_without_price_or_with_a_non_positive_one_is_rejected()
    {
        ShouldBeMalformed(Push("MarkPrice", d => d.Remove("p")), "a missing mark price would read as 0");
        ShouldBeMalformed(Push("MarkPrice", d => d["p"] = "0"), "a zero mark price");
        ShouldBeMalformed(Push("MarkPrice", d => d["p"] = "-11794.15"), "a negative mark price");
    }

    [SharedDataTheory]
    [InlineData("OrderUpdate")]
    [InlineData("AccountUpdate")]
    [InlineData("AlgoOrderUpdate")]
    [InlineData("TradeUpdate")]
    [InlineData("Leverage")]
    [InlineData("MarkPrice")]
    public void Event_without_event_time_is_rejected_not_dated_1970(string fixture)
    {
        Parse(Push(fixture, _ => { })).Kind.Should().Be(StreamFrameKind.Event);
        ShouldBeMalformed(Push(fixture, d => d.Remove("E")), "E is the event's time");
        ShouldBeMalformed(Push(fixture, d => d["E"] = -1), "a negative timestamp is damage, not a date");
    }

    [Fact]
    public void ListenKeyExpired_without_event_time_is_rejected() =>
        ShouldBeMalformed("""{"e":"listenKeyExpired","listenKey":"k1"}""", "E is required");

    [SharedDataFact]
    public void Frame_with_a_duplicated_property_name_is_rejected()
    {
        var fixture = Encoding.UTF8.GetString(Support.Fixtures.BinanceNetPush("OrderUpdate"));
        var duplicated = fixture.Replace("\"l\":\"0\"", "\"l\":\"0\",\"l\":\"5\"", StringComparison.Ordinal).Replace("\"l\": \"0\"", "\"l\": \"0\", \"l\": \"5\"", StringComparison.Ordinal);
        duplicated.Should().NotBe(fixture);
        ShouldBeMalformed(duplicated, "two values for one field have no single meaning");
    }

    [SharedDataFact]
    public void Algo_update_with_a_negative_child_order_id_is_rejected()
    {
        ShouldBeMalformed(Push("AlgoOrderUpdate", d => d["o"]!["ai"] = "-88937381063"), "child order ids are positive");
        ShouldBeMalformed(Push("AlgoOrderUpdate", d => d["o"]!.AsObject().Remove("aid")), "an algo update without its algo id cannot be correlated");
    }

    [SharedDataFact]
    public void Account_config_update_with_leverage_outside_1_to_125_is_rejected()
    {
        ShouldBeMalformed(Push("Leverage", d => d["ac"]!["l"] = 0), "leverage 0");
        ShouldBeMalformed(Push("Leverage", d => d["ac"]!["l"] = 1000), "leverage 1000");
        ShouldBeMalformed(Push("Leverage", d => d["ac"]!.AsObject().Remove("l")), "a leverage change without the leverage");
    }

    [Fact]
    public async Task Exchange_info_listing_a_symbol_twice_is_rejected()
    {
        var info = JsonNode.Parse(TestClients.ExchangeInfoJson)!.AsObject();
        var symbols = info["symbols"]!.AsArray();
        var copy = symbols[0]!.DeepClone();
        copy["filters"]![0]!["tickSize"] = "1";
        symbols.Add(copy);
        var http = new FakeHttp().OnJson("GET", "/fapi/v1/exchangeInfo", info.ToJsonString());
        await using var client = TestClients.Create(http);

        await client.Invoking(c => c.GetInstrumentAsync("BTCUSDT")).Should().ThrowAsync<ExchangeProtocolException>().WithMessage("*BTCUSDT twice*");
    }

    [Theory]
    [InlineData("PRICE_FILTER", "tickSize", "0")]
    [InlineData("PRICE_FILTER", "tickSize", "-0.10")]
    [InlineData("LOT_SIZE", "stepSize", "0")]
    [InlineData("LOT_SIZE", "minQty", "-1")]
    [InlineData("PRICE_FILTER", null, null)]
    [InlineData("LOT_SIZE", null, null)]
    public async Task Exchange_info_symbol_without_a_usable_tick_or_step_is_rejected(string filter, string? field, string? value)
    {
        var info = JsonNode.Parse(TestClients.ExchangeInfoJson)!.AsObject();
        var filters = info["symbols"]![0]!["filters"]!.AsArray();
        var target = filters.First(f => (string?)f!["filterType"] == filter)!;
        if (field is null)
        {
            filters.Remove(target);
        }
        else
        {
            target[field] = value;
        }

        var http = new FakeHttp().OnJson("GET", "/fapi/v1/exchangeInfo", info.ToJsonString());
        await using var client = TestClients.Create(http);

        await client.Invoking(c => c.GetInstrumentsAsync()).Should().ThrowAsync<ExchangeProtocolException>();
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"serverTime":0}""")]
    [InlineData("""{"serverTime":-1499827319559}""")]
    [InlineData("""{"serverTime":null}""")]
    public async Task Server_time_reply_without_a_positive_serverTime_is_a_protocol_error_not_1970(string body)
    {
        var http = new FakeHttp().OnJson("GET", "/fapi/v1/time", body).OnJson("GET", "/fapi/v3/account", """{"assets":[],"positions":[]}""");
        await using var client = TestClients.Create(http);

        await client.Invoking(c => c.GetServerTimeAsync()).Should().ThrowAsync<ExchangeProtocolException>();

        // The clock sync before a signed call reads the same reply: it must fail instead of setting a 56-year offset.
        await client.Invoking(c => c.GetAccountAsync()).Should().ThrowAsync<ExchangeProtocolException>();
    }

    [Theory]
    [InlineData("42")]
    [InlineData("[]")]
    [InlineData("\"account\"")]
    public async Task Non_object_account_reply_is_rejected_not_an_empty_account(string body)
    {
        var http = new FakeHttp().OnJson("GET", "/fapi/v3/account", body);
        await using var client = TestClients.Create(http);

        await client.Invoking(c => c.GetAccountAsync()).Should().ThrowAsync<ExchangeProtocolException>();
    }

    [Fact]
    public async Task Negative_prices_and_quantities_in_rest_replies_are_rejected()
    {
        var http = new FakeHttp()
            .OnJson("GET", "/fapi/v1/order", """{"orderId":1,"symbol":"BTCUSDT","side":"BUY","type":"MARKET","status":"FILLED","origQty":"0.01","executedQty":"-0.01","updateTime":1}""")
            .OnJson("GET", "/fapi/v3/positionRisk", """[{"symbol":"BTCUSDT","positionAmt":"0.01","entryPrice":"-60000","markPrice":"60000","updateTime":1}]""")
            .OnJson("GET", "/fapi/v1/klines", """[[1499040000000,"0.0163","0.8","-0.0157","0.0157","148976.1",1499644799999,"2434.1",308,"1756.8","28.4","0"]]""")
            .OnJson("GET", "/fapi/v1/premiumIndex", """{"symbol":"BTCUSDT","markPrice":"-1","time":1}""");
        await using var client = TestClients.Create(http);

        await client.Invoking(c => c.GetOrderAsync("BTCUSDT", "a")).Should().ThrowAsync<ExchangeProtocolException>().WithMessage("*executedQty*");
        await client.Invoking(c => c.GetPositionsAsync()).Should().ThrowAsync<ExchangeProtocolException>().WithMessage("*entryPrice*");
        await client.Invoking(c => c.GetKlinesAsync(new KlineQuery("BTCUSDT", KlineInterval.OneMinute, DateTimeOffset.FromUnixTimeMilliseconds(1499040000000))))
            .Should().ThrowAsync<ExchangeProtocolException>().WithMessage("*low*");
        await client.Invoking(c => c.GetMarkPriceAsync("BTCUSDT")).Should().ThrowAsync<ExchangeProtocolException>().WithMessage("*markPrice*");
    }

    [Fact]
    public async Task Rest_reply_with_a_duplicated_property_name_is_rejected()
    {
        var http = new FakeHttp().OnJson("GET", "/fapi/v1/order", """{"orderId":1,"symbol":"BTCUSDT","side":"BUY","type":"MARKET","status":"NEW","executedQty":"0","executedQty":"0.01","updateTime":1}""");
        await using var client = TestClients.Create(http);

        await client.Invoking(c => c.GetOrderAsync("BTCUSDT", "a")).Should().ThrowAsync<ExchangeProtocolException>().WithMessage("*twice*");
    }
}
