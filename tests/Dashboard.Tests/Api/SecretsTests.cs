using TradingBot.Dashboard.Tests.Hosting;

namespace TradingBot.Dashboard.Tests.Api;

public sealed class SecretsTests
{
    private const string ApiKey = "BINANCE-KEY-7f3a9c0e1d2b4a6f";
    private const string ApiSecret = "BINANCE-SECRET-00aa11bb22cc33dd";
    private const string Webhook = "https://discord.invalid/api/webhooks/123/SECRET-WEBHOOK-TOKEN";

    [Fact]
    public async Task No_response_of_any_get_endpoint_contains_the_password_hash_or_configured_keys()
    {
        await using var host = await DashboardTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Binance:ApiKey"] = ApiKey,
            ["Binance:ApiSecret"] = ApiSecret,
            ["BINANCE_API_KEY"] = ApiKey,
            ["Discord:WebhookUrl"] = Webhook,
        });
        using var client = await host.CreateSignedInClientAsync();
        await client.PostAsync("/api/control/stop", null);
        host.Trading.Upsert(Fakes.FakeTradingSource.SamplePosition());

        var secrets = new[] { DashboardTestHost.PasswordHash, DashboardTestHost.Password, ApiKey, ApiSecret, Webhook, "SECRET-WEBHOOK-TOKEN" };
        var gets = EndpointCatalog.All(host).Where(e => e.Method == "GET" && !e.Url.StartsWith("/hubs/", StringComparison.Ordinal)).ToArray();
        gets.Should().HaveCountGreaterThan(15);
        foreach (var endpoint in gets)
        {
            using var response = await client.GetAsync(endpoint.Url);
            var body = await response.Content.ReadAsStringAsync();
            var headers = response.Headers.ToString() + response.Content.Headers;
            foreach (var secret in secrets)
            {
                body.Should().NotContain(secret, endpoint.Key);
                headers.Should().NotContain(secret, endpoint.Key);
            }
        }
    }
}
