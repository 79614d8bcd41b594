using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TradingBot.Dashboard.Tests.Hosting;

namespace TradingBot.Dashboard.Tests.Api;

public sealed class ReadEndpointTests(SignedInHostFixture fixture) : IClassFixture<SignedInHostFixture>
{
    [Fact]
    public async Task Snapshot_is_camel_case_json_with_enums_as_names()
    {
        fixture.Host.Trading.Upsert(Fakes.FakeTradingSource.SamplePosition());
        var client = fixture.Client;

        using var document = JsonDocument.Parse(await client.GetStringAsync("/api/trading/snapshot"));

        var position = document.RootElement.GetProperty("positions")[0];
        position.GetProperty("symbol").GetString().Should().Be("BTCUSDT");
        position.GetProperty("side").GetString().Should().Be("Long");
        position.GetProperty("unrealizedPnl").GetDecimal().Should().Be(12.5m);
        document.RootElement.GetProperty("trades").GetArrayLength().Should().Be(20);
        document.RootElement.GetProperty("status").GetProperty("dailyLossLimit").GetDecimal().Should().Be(615m);
    }

    [Theory]
    [InlineData("/api/trading/trades?limit=0", "limit must be between 1 and 200")]
    [InlineData("/api/trading/charts/DOGEUSDT/1m", "symbol must be one of: BTCUSDT, ETHUSDT")]
    [InlineData("/api/trading/charts/BTCUSDT/4h", "timeframe must be one of: 1m, 15m, 1h")]
    [InlineData("/api/trading/charts/BTCUSDT/1m?limit=99999", "limit must be between 1 and 2000")]
    [InlineData("/api/cluster/logs?after=-1", "after must be 0 or greater")]
    [InlineData("/api/cluster/dead-letters?limit=5000", "limit must be between 1 and 1000")]
    [InlineData("/api/audit?limit=0", "limit must be between 1 and 1000")]
    public async Task Bad_queries_get_a_400_that_says_what_is_allowed(string url, string expected)
    {
        var client = fixture.Client;

        var response = await client.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<ApiError>())!.Error.Should().Be(expected);
    }

    [Fact]
    public async Task Unknown_ids_are_404_and_known_ones_found()
    {
        var client = fixture.Client;

        (await client.GetAsync("/api/backtests/nope")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync("/api/cluster/dead-letters/nope")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync("/api/backtests/bt-1")).StatusCode.Should().Be(HttpStatusCode.OK);
        var letter = await client.GetFromJsonAsync<JsonElement>("/api/cluster/dead-letters/dl-2");
        letter.GetProperty("payload").GetString().Should().Contain("clientId");
    }

    [Fact]
    public async Task Log_tail_pages_by_sequence()
    {
        var client = fixture.Client;

        var first = await client.GetFromJsonAsync<JsonElement>("/api/cluster/logs?after=0&limit=3");
        first.GetProperty("lines").GetArrayLength().Should().Be(3);
        var last = first.GetProperty("lastSequence").GetInt64();
        var rest = await client.GetFromJsonAsync<JsonElement>($"/api/cluster/logs?after={last}");
        rest.GetProperty("lines").GetArrayLength().Should().Be(2);
    }
}
