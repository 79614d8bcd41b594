using TradingBot.Exchange.Binance.Signing;
using TradingBot.Exchange.Model;
using TradingBot.Exchange.Tests.Support;

namespace TradingBot.Exchange.Tests.Signing;

public sealed class SignedRequestTests
{
    [Fact]
    public async Task Signed_request_carries_key_header_recvWindow_timestamp_and_a_valid_trailing_signature()
    {
        var http = new FakeHttp().WithExchangeInfo();
        http.OnJson("GET", "/fapi/v1/order", """{"orderId":1,"clientOrderId":"a:b/c","symbol":"BTCUSDT","side":"BUY","type":"MARKET","status":"FILLED","updateTime":1}""");
        await using var client = TestClients.Create(http);

        await client.GetOrderAsync("BTCUSDT", "a:b/c");

        var req = http.To("GET", "/fapi/v1/order").Single();
        req.Headers["X-MBX-APIKEY"].Should().Be(TestClients.ApiKey);
        var raw = req.Query.TrimStart('?');
        var sigAt = raw.LastIndexOf("&signature=", StringComparison.Ordinal);
        sigAt.Should().BeGreaterThan(0);
        var payload = raw[..sigAt];
        var signature = raw[(sigAt + "&signature=".Length)..];
        BinanceSigner.Sign(TestClients.Secret, payload).Should().Be(signature, "the signature covers the exact encoded bytes before it");
        req.Param("recvWindow").Should().Be("5000");
        req.Param("timestamp").Should().MatchRegex("^[0-9]{13}$");
        req.Param("origClientOrderId").Should().Be("a:b/c");
    }

    [Fact]
    public async Task Post_puts_parameters_in_a_form_body_and_signs_the_body()
    {
        var http = new FakeHttp().WithExchangeInfo();
        http.OnJson("POST", "/fapi/v1/leverage", """{"leverage":5,"maxNotionalValue":"1000000","symbol":"BTCUSDT"}""");
        await using var client = TestClients.Create(http);

        var result = await client.SetLeverageAsync("btcusdt", 5);

        result.Should().Be(new LeverageSetting("BTCUSDT", 5, 1_000_000m));
        var req = http.To("POST", "/fapi/v1/leverage").Single();
        req.Query.Should().BeEmpty();
        var sigAt = req.Body.LastIndexOf("&signature=", StringComparison.Ordinal);
        BinanceSigner.Sign(TestClients.Secret, req.Body[..sigAt]).Should().Be(req.Body[(sigAt + 11)..]);
    }

    [Fact]
    public async Task Public_endpoints_are_neither_signed_nor_keyed()
    {
        var http = new FakeHttp();
        await using var client = TestClients.Create(http);

        var time = await client.GetServerTimeAsync();

        time.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        var req = http.To("GET", "/fapi/v1/time").Single();
        req.Headers.ContainsKey("X-MBX-APIKEY").Should().BeFalse();
        req.Query.Should().BeEmpty();
    }
}
