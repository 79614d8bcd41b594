using System.Text.Json;
using TradingBot.Exchange.Binance.Errors;
using TradingBot.Exchange.Port;
using TradingBot.Exchange.Tests.Support;

namespace TradingBot.Exchange.Tests.Errors;

public sealed class ErrorMappingTests
{
    public static TheoryData<int, string> Codes()
    {
        var data = new TheoryData<int, string>();
        if (SharedData.BinanceReference is null)
        {
            data.Add(0, "absent");
            return data;
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(SharedData.BinanceFile("usdm-error-codes.json")));
        foreach (var row in doc.RootElement.GetProperty("codes").EnumerateArray())
        {
            data.Add(row.GetProperty("code").GetInt32(), row.GetProperty("outcome").GetString()!);
        }

        return data;
    }

    /// <summary>Our expected class: the table's outcome, refined for not-found, duplicate and auth codes.</summary>
    private static ExchangeErrorClass Expected(int code, string outcome) => code switch
    {
        -2013 or -2011 => ExchangeErrorClass.NotFound,
        -4116 => ExchangeErrorClass.Duplicate,
        -1022 or -2014 or -2015 => ExchangeErrorClass.Auth,
        _ => outcome switch
        {
            "not_executed" => ExchangeErrorClass.NotExecuted,
            "unknown" => ExchangeErrorClass.UnknownOutcome,
            "benign" => ExchangeErrorClass.Benign,
            "rejected" => ExchangeErrorClass.Rejected,
            _ => throw new InvalidOperationException($"unexpected outcome {outcome}"),
        },
    };

    private static Type ExpectedException(ExchangeErrorClass c) => c switch
    {
        ExchangeErrorClass.NotExecuted => typeof(ExchangeNotExecutedException),
        ExchangeErrorClass.UnknownOutcome => typeof(ExchangeUnknownOutcomeException),
        ExchangeErrorClass.Rejected => typeof(ExchangeRejectedException),
        ExchangeErrorClass.Benign => typeof(ExchangeBenignException),
        ExchangeErrorClass.NotFound => typeof(ExchangeNotFoundException),
        ExchangeErrorClass.Duplicate => typeof(ExchangeDuplicateException),
        _ => typeof(ExchangeAuthException),
    };

    [SharedDataFact]
    public void Embedded_catalog_equals_the_shared_table()
    {
        var shared = BinanceErrorCatalog.Parse(File.ReadAllText(SharedData.BinanceFile("usdm-error-codes.json")));
        BinanceErrorCatalog.Default.Codes.Should().BeEquivalentTo(shared.Codes);
        BinanceErrorCatalog.Default.Codes.Should().HaveCountGreaterThan(50);
    }

    [SharedDataTheory]
    [MemberData(nameof(Codes))]
    public async Task Every_code_is_classified_and_surfaces_as_its_typed_exception(int code, string outcome)
    {
        var expected = Expected(code, outcome);
        BinanceErrorCatalog.Default.Classify(code, 400).Should().Be(expected);

        var http = new FakeHttp();
        http.On("GET", "/fapi/v3/positionRisk", _ => FakeReply.Error(code, "from table"));
        await using var client = TestClients.Create(http);

        var act = () => client.GetPositionsAsync("BTCUSDT");

        var thrown = (await act.Should().ThrowAsync<ExchangeException>()).Which;
        thrown.Should().BeOfType(ExpectedException(expected));
        thrown.ErrorClass.Should().Be(expected);
        thrown.Code.Should().Be(code);
        thrown.HttpStatus.Should().Be(400);
        var calls = http.To("GET", "/fapi/v3/positionRisk").Count();
        calls.Should().Be(code is -1021 or -5028 ? 2 : 1, "only clock errors are retried, exactly once");
    }

    [Theory]
    [InlineData(403, null, ExchangeErrorClass.Auth)]
    [InlineData(408, null, ExchangeErrorClass.UnknownOutcome)]
    [InlineData(503, "Unknown error, please check your request or try again later.", ExchangeErrorClass.UnknownOutcome)]
    [InlineData(503, "Service Unavailable.", ExchangeErrorClass.NotExecuted)]
    [InlineData(503, "Internal error; unable to process your request. Please try again.", ExchangeErrorClass.NotExecuted)]
    [InlineData(502, null, ExchangeErrorClass.UnknownOutcome)]
    [InlineData(400, null, ExchangeErrorClass.Rejected)]
    public void Bare_http_statuses_are_classified(int status, string? message, ExchangeErrorClass expected) =>
        BinanceErrorCatalog.Default.Classify(null, status, message).Should().Be(expected);

    [Fact]
    public void Unknown_code_falls_back_to_the_http_status() =>
        BinanceErrorCatalog.Default.Classify(-9999, 503).Should().Be(ExchangeErrorClass.UnknownOutcome);

    [Fact]
    public async Task Benign_margin_and_position_mode_replies_are_success()
    {
        var http = new FakeHttp();
        http.On("POST", "/fapi/v1/marginType", _ => FakeReply.Error(-4046, "No need to change margin type."));
        http.On("POST", "/fapi/v1/positionSide/dual", _ => FakeReply.Error(-4059, "No need to change position side."));
        await using var client = TestClients.Create(http);

        (await client.SetMarginTypeAsync("BTCUSDT", Model.MarginType.Isolated)).Should().Be(Model.ConfigChangeOutcome.AlreadySet);
        (await client.SetPositionModeAsync(false)).Should().Be(Model.ConfigChangeOutcome.AlreadySet);
        http.To("POST", "/fapi/v1/marginType").Single().Param("marginType").Should().Be("ISOLATED");
        http.To("POST", "/fapi/v1/positionSide/dual").Single().Param("dualSidePosition").Should().Be("false");
    }

    [Fact]
    public async Task Changed_config_reports_changed()
    {
        var http = new FakeHttp();
        http.OnJson("POST", "/fapi/v1/marginType", """{"code":200,"msg":"success"}""");
        await using var client = TestClients.Create(http);

        (await client.SetMarginTypeAsync("BTCUSDT", Model.MarginType.Crossed)).Should().Be(Model.ConfigChangeOutcome.Changed);
    }

    [Fact]
    public async Task Not_found_on_query_and_cancel_returns_null_or_false()
    {
        var http = new FakeHttp();
        http.On("GET", "/fapi/v1/order", _ => FakeReply.Error(-2013, "Order does not exist."));
        http.On("DELETE", "/fapi/v1/order", _ => FakeReply.Error(-2011, "Unknown order sent."));
        http.On("DELETE", "/fapi/v1/algoOrder", _ => FakeReply.Error(-2011, "Unknown order sent."));
        http.On("GET", "/fapi/v1/algoOrder", _ => FakeReply.Error(-2013, "Order does not exist."));
        http.OnJson("GET", "/fapi/v1/allAlgoOrders", "[]");
        await using var client = TestClients.Create(http);

        (await client.GetOrderAsync("BTCUSDT", "x")).Should().BeNull();
        (await client.CancelOrderAsync("BTCUSDT", "x")).Should().BeNull();
        (await client.CancelAlgoOrderAsync("BTCUSDT", "x")).Should().BeFalse();
        (await client.GetAlgoOrderAsync("BTCUSDT", "x")).Should().BeNull();
        http.To("GET", "/fapi/v1/allAlgoOrders").Should().ContainSingle("a finished algo order may only be in the history");
    }
}
