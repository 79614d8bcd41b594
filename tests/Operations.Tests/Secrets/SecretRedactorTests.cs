using TradingBot.Operations.Secrets;

namespace TradingBot.Operations.Tests.Secrets;

public sealed class SecretRedactorTests
{
    [Theory]
    [InlineData(
        "GET /fapi/v1/order?symbol=BTCUSDT&timestamp=1700000000000&signature=3f1c9a0b7d2e4f60a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718",
        "GET /fapi/v1/order?symbol=BTCUSDT&timestamp=1700000000000&signature=***")]
    [InlineData("X-MBX-APIKEY: vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A", "X-MBX-APIKEY: ***")]
    [InlineData("\"listenKey\":\"pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1\"", "\"listenKey\":\"***\"")]
    [InlineData("wss://fstream.binance.com/ws/pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8", "wss://fstream.binance.com/ws/***")]
    [InlineData("https://discord.com/api/webhooks/1234567890/AbC-dEf_123xyz?wait=true", "https://discord.com/api/webhooks/***")]
    [InlineData("password=hunter2hunter2&user=admin", "password=***&user=admin")]
    [InlineData("apiSecret: 'Zx9Zx9Zx9Zx9'", "apiSecret: '***'")]
    [InlineData("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc", "Authorization: Bearer ***")]
    [InlineData("nothing secret in: symbol=BTCUSDT side=BUY qty=0.15", "nothing secret in: symbol=BTCUSDT side=BUY qty=0.15")]
    public void Patterns_mask_secrets_and_leave_other_text_alone(string input, string expected) =>
        SecretRedactor.Empty.Redact(input).Should().Be(expected);

    [Fact]
    public void Registered_values_are_masked_anywhere_longest_first()
    {
        var redactor = new SecretRedactor();
        redactor.Register("abcdef");
        redactor.Register("abcdef-ghijkl");
        redactor.Register("12345");

        redactor.Redact("x abcdef-ghijkl y abcdef z 12345").Should().Be("x *** y *** z 12345");
    }

    [Fact]
    public void From_environment_registers_the_secret_variables()
    {
        var env = new Dictionary<string, string?>
        {
            ["BINANCE_API_KEY"] = "key-AAAAAAAAAAAA",
            ["BINANCE_API_SECRET"] = "secret-BBBBBBBBBBBB",
            ["DASHBOARD_PASSWORD_HASH"] = "pbkdf2$100000$c2FsdA==$aGFzaA==",
        };

        var redactor = SecretRedactor.FromEnvironment(name => env.GetValueOrDefault(name));

        redactor.Redact("k=key-AAAAAAAAAAAA s secret-BBBBBBBBBBBB h pbkdf2$100000$c2FsdA==$aGFzaA==").Should().Be("k=*** s *** h ***");
    }

    [Theory]
    [InlineData("ApiKey", true)]
    [InlineData("BINANCE_API_SECRET", true)]
    [InlineData("WebhookUrl", true)]
    [InlineData("ListenKey", true)]
    [InlineData("DashboardPasswordHash", true)]
    [InlineData("Symbol", false)]
    [InlineData("Quantity", false)]
    public void Secret_names_are_recognised(string name, bool secret) => SecretRedactor.IsSecretName(name).Should().Be(secret);
}
