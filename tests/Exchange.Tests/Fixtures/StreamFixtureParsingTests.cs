using System.Text;
using TradingBot.Exchange.Binance.Streams;
using TradingBot.Exchange.Model;
using TradingBot.Exchange.Model.Events;
using TradingBot.Exchange.Tests.Support;

namespace TradingBot.Exchange.Tests.Fixtures;

public sealed class StreamFixtureParsingTests
{
    private static StreamFrame Parse(string json) => StreamMessageParser.Parse(Encoding.UTF8.GetBytes(json));

    private static T Event<T>(byte[] utf8)
        where T : StreamEvent
    {
        var frame = StreamMessageParser.Parse(utf8);
        frame.Kind.Should().Be(StreamFrameKind.Event, frame.Detail);
        return frame.Event.Should().BeOfType<T>().Subject;
    }

    [SharedDataFact]
    public void Open_kline_from_fixtures_is_ignored_and_closed_one_is_delivered()
    {
        var net = Support.Fixtures.BinanceNetPush("Klines");
        StreamMessageParser.Parse(net).Kind.Should().Be(StreamFrameKind.OpenKline, "x=false: still open");
        var netClosed = Encoding.UTF8.GetString(net).Replace("\"x\": false", "\"x\": true", StringComparison.Ordinal);
        Event<KlineClosed>(Encoding.UTF8.GetBytes(netClosed)).Kline.High.Should().Be(0.0025m);
        Parse(netClosed.Replace("\"i\": \"1m\"", "\"i\": \"1M\"", StringComparison.Ordinal)).Kind.Should().Be(StreamFrameKind.UnknownEvent, "monthly candles are not supported");
        var sdk = Support.Fixtures.SdkOperation("ws-streams-market", "kline_candlestick_streams").GetProperty("exampleResponse").GetRawText();
        Parse(sdk).Kind.Should().Be(StreamFrameKind.OpenKline);

        var closed = Event<KlineClosed>(Encoding.UTF8.GetBytes(sdk.Replace("\"x\": false", "\"x\": true", StringComparison.Ordinal)));
        closed.Kline.Should().Be(new Kline(
            "BTCUSDT", KlineInterval.OneMinute,
            DateTimeOffset.FromUnixTimeMilliseconds(1638747660000), DateTimeOffset.FromUnixTimeMilliseconds(1638747719999),
            0.0010m, 0.0025m, 0.0015m, 0.0020m, 1000m, 1.0000m, 100, 500m, 0.500m, true));
        closed.IsBackfill.Should().BeFalse();
    }

    [SharedDataFact]
    public void Mark_price_fixtures_parse()
    {
        var net = Event<MarkPriceUpdated>(Support.Fixtures.BinanceNetPush("MarkPrice")).Mark;
        net.Symbol.Should().Be("BTCUSDT");
        net.Price.Should().Be(11794.15000000m);
        net.FundingRate.Should().Be(0.00038167m);
        net.NextFundingTime.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1562306400000));

        var sdk = Support.Fixtures.SdkOperation("ws-streams-market", "mark_price_stream").GetProperty("exampleResponse").GetRawText();
        Event<MarkPriceUpdated>(Encoding.UTF8.GetBytes(sdk)).Mark.Price.Should().BePositive();
    }

    [SharedDataFact]
    public void Order_trade_update_parses()
    {
        var o = Event<OrderUpdated>(Support.Fixtures.BinanceNetPush("OrderUpdate"));
        o.OrderId.Should().Be(8886774);
        o.ClientOrderId.Should().Be("TEST");
        o.Type.Should().Be(OrderType.TrailingStopMarket);
        o.Execution.Should().Be(ExecutionType.New);
        o.Status.Should().Be(OrderStatus.New);
        o.PositionSide.Should().Be(PositionSide.Long);
        o.StopPrice.Should().Be(7103.04m);
        o.CommissionAsset.Should().Be("USDT");
        o.TransactionTime.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1568879465650));
    }

    [SharedDataFact]
    public void Account_update_parses_balances_and_positions()
    {
        var a = Event<AccountUpdated>(Support.Fixtures.BinanceNetPush("AccountUpdate"));
        a.Reason.Should().Be("ORDER");
        a.Balances.Should().HaveCount(2);
        a.Balances[0].Should().Be(new BalanceChange("USDT", 122624.12345678m, 100.12345678m, 50.12345678m));
        a.Positions.Should().HaveCount(3);
        a.Positions[2].Quantity.Should().Be(-10m);
        a.Positions[2].PositionSide.Should().Be(PositionSide.Short);
    }

    [SharedDataFact]
    public void Algo_update_fixture_with_zero_act_and_empty_ai_parses()
    {
        var a = Event<AlgoOrderUpdated>(Support.Fixtures.BinanceNetPush("AlgoOrderUpdate"));
        a.AlgoId.Should().Be(2148719);
        a.ClientAlgoId.Should().Be("Q5xaq5EGKgXXa0fD7fs0Ip");
        a.Status.Should().Be(AlgoOrderStatus.Canceled);
        a.ChildOrderId.Should().BeNull();
        a.ChildOrderType.Should().BeNull();
        a.TriggerTime.Should().BeNull();
    }

    [SharedDataFact]
    public void Live_algo_update_with_string_ai_and_big_aid_parses()
    {
        var message = Support.Fixtures.Json("observed-live-samples.json").GetProperty("samples")[0].GetProperty("message").GetRawText();
        var a = Event<AlgoOrderUpdated>(Encoding.UTF8.GetBytes(message));
        a.AlgoId.Should().Be(1000000033225453);
        a.ChildOrderId.Should().Be(88937381063);
        a.ClientAlgoId.Should().Be("O-20251211-053131-ZYWR-000-9");
        a.Status.Should().Be(AlgoOrderStatus.Triggered);
        a.ChildOrderType.Should().Be("MARKET");
        a.TriggerPrice.Should().Be(0.13855m);
        a.TriggerTime.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1765431097019));
        a.Symbol.Should().Be("DOGEUSDT");
    }

    [SharedDataFact]
    public void Trade_lite_and_config_update_parse()
    {
        var t = Event<TradeLite>(Support.Fixtures.BinanceNetPush("TradeUpdate"));
        t.LastFilledPrice.Should().Be(64089.20m);
        t.LastFilledQuantity.Should().Be(0.040m);
        t.OrderId.Should().Be(8886774);

        var c = Event<AccountConfigUpdated>(Support.Fixtures.BinanceNetPush("Leverage"));
        c.Symbol.Should().Be("BTCUSDT");
        c.Leverage.Should().Be(25);
    }

    [Theory]
    [InlineData("""{"e":"listenKeyExpired","E":"1736996475556","listenKey":"k1"}""")]
    [InlineData("""{"e":"listenKeyExpired","E":1736996475556,"listenKey":"k1"}""")]
    [InlineData("""{"stream":"k1","data":{"e":"listenKeyExpired","E":1736996475556,"listenKey":"k1"}}""")]
    public void ListenKeyExpired_accepts_string_and_number_E(string json)
    {
        var e = Event<ListenKeyExpired>(Encoding.UTF8.GetBytes(json));
        e.EventTime.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1736996475556));
        e.ListenKey.Should().Be("k1");
    }

    [Theory]
    [InlineData("{\"e\":\"kline\",\"E\":1,\"s\":\"BTCUSDT\",\"k\":{\"t\":1,\"T\":2,\"i\":\"1m\",\"o\":\"1", "Malformed")]
    [InlineData("not json at all", "Malformed")]
    [InlineData("", "Malformed")]
    [InlineData("[1,2,3]", "Malformed")]
    [InlineData("{\"stream\":\"x\",\"data\":42}", "Malformed")]
    [InlineData("{\"e\":\"kline\",\"E\":1,\"s\":\"BTCUSDT\"}", "Malformed")]
    [InlineData("{\"e\":\"ORDER_TRADE_UPDATE\",\"E\":1,\"T\":1,\"o\":{\"s\":\"BTCUSDT\",\"S\":\"SIDEWAYS\"}}", "Malformed")]
    [InlineData("{\"e\":\"kline\",\"E\":1,\"s\":\"BTCUSDT\",\"k\":{\"t\":1,\"T\":2,\"s\":\"BTCUSDT\",\"i\":\"1m\",\"o\":\"NaN\",\"c\":\"1\",\"h\":\"1\",\"l\":\"1\",\"v\":\"1\",\"n\":1,\"x\":true,\"q\":\"1\",\"V\":\"1\",\"Q\":\"1\"}}", "NonFinite")]
    [InlineData("{\"e\":\"markPriceUpdate\",\"E\":1,\"s\":\"BTCUSDT\",\"p\":\"Infinity\",\"i\":\"1\",\"P\":\"1\",\"r\":\"0\",\"T\":1}", "NonFinite")]
    [InlineData("{\"e\":\"markPriceUpdate\",\"E\":1,\"s\":\"BTCUSDT\",\"p\":\"-inf\",\"i\":\"1\",\"P\":\"1\",\"r\":\"0\",\"T\":1}", "NonFinite")]
    [InlineData("{\"e\":\"markPriceUpdate\",\"E\":1,\"s\":\"BTCUSDT\",\"p\":1e400,\"i\":\"1\",\"P\":\"1\",\"r\":\"0\",\"T\":1}", "Malformed")]
    [InlineData("{\"e\":\"MARGIN_CALL\",\"E\":1}", "UnknownEvent")]
    [InlineData("{\"e\":\"SOMETHING_NEW_2027\",\"E\":1,\"x\":{}}", "UnknownEvent")]
    [InlineData("{\"hello\":1}", "UnknownEvent")]
    [InlineData("{\"result\":null,\"id\":1}", "Ack")]
    [InlineData("{\"error\":{\"code\":2,\"msg\":\"Invalid request\"},\"id\":1}", "ControlError")]
    public void Bad_and_odd_frames_are_classified_never_thrown(string json, string expected) =>
        Parse(json).Kind.ToString().Should().Be(expected);

    [Fact]
    public void Deeply_nested_frame_is_malformed_not_a_crash()
    {
        var deep = new string('[', 10_000) + new string(']', 10_000);
        Parse(deep).Kind.Should().Be(StreamFrameKind.Malformed);
    }

    [Fact]
    public void Unknown_fields_are_ignored_and_numbers_accepted_as_numbers_or_strings()
    {
        var frame = Parse("""{"e":"markPriceUpdate","E":1,"s":"BTCUSDT","p":60000.5,"i":"60000","P":"1","r":0.0001,"T":"1700000000000","ap":"1","st":1,"zz":{"nested":[1,2]}}""");
        var mark = frame.Event.Should().BeOfType<MarkPriceUpdated>().Subject.Mark;
        mark.Price.Should().Be(60000.5m);
        mark.FundingRate.Should().Be(0.0001m);
        mark.NextFundingTime.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1700000000000));
    }
}
