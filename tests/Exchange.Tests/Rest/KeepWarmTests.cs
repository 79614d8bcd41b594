using System.Diagnostics;
using TradingBot.Exchange.Tests.Support;

namespace TradingBot.Exchange.Tests.Rest;

/// <summary>The REST connection is kept warm by a ping after an idle spell, so an entry after a quiet hour skips the handshake.</summary>
public sealed class KeepWarmTests
{
    private static FakeHttp Venue() => new FakeHttp()
        .WithExchangeInfo()
        .OnJson("GET", "/fapi/v1/ping", "{}");

    [Fact]
    public async Task An_idle_client_pings_after_the_keep_warm_interval()
    {
        var http = Venue();
        await using var client = TestClients.Create(http, TestClients.Options() with { KeepWarmInterval = TimeSpan.FromMilliseconds(100) });
        await client.StartAsync();

        var deadline = Stopwatch.GetTimestamp() + (10 * Stopwatch.Frequency);
        while (!http.To("GET", "/fapi/v1/ping").Any() && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(20);
        }

        http.To("GET", "/fapi/v1/ping").Should().NotBeEmpty("nothing else was sent for longer than the interval");
        client.KeepWarmPings.Should().BePositive();
    }

    [Fact]
    public async Task A_zero_interval_never_pings()
    {
        var http = Venue();
        await using var client = TestClients.Create(http, TestClients.Options() with { KeepWarmInterval = TimeSpan.Zero });
        await client.StartAsync();

        await Task.Delay(300);

        http.To("GET", "/fapi/v1/ping").Should().BeEmpty();
        client.KeepWarmPings.Should().Be(0);
    }
}
