using System.Net;
using System.Net.Http.Json;
using TradingBot.Dashboard.Api;
using TradingBot.Dashboard.Ports.Control;
using TradingBot.Dashboard.Tests.Hosting;

namespace TradingBot.Dashboard.Tests.Api;

public sealed class ControlEndpointTests
{
    [Fact]
    public async Task Out_of_range_parameter_is_a_400_naming_the_key_and_range_and_nothing_is_applied()
    {
        await using var host = await DashboardTestHost.StartAsync();
        using var client = await host.CreateSignedInClientAsync();

        var response = await client.PutAsJsonAsync("/api/control/parameters", new { values = new { stopLossTolerancePercent = 0.5, leverage = 3 } });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadFromJsonAsync<ParameterErrorsView>();
        var error = body!.Errors.Should().ContainSingle().Subject;
        error.Key.Should().Be("stopLossTolerancePercent");
        error.Message.Should().Be("stopLossTolerancePercent must be a number between 0.1 and 0.3 %");
        (error.Min, error.Max).Should().Be((0.1m, 0.3m));
        host.Control.Values["leverage"].Should().Be(5m, "updates are all or nothing");
        host.Control.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task Valid_parameters_are_applied_and_a_bot_side_rule_is_reported_as_400()
    {
        await using var host = await DashboardTestHost.StartAsync();
        using var client = await host.CreateSignedInClientAsync();

        var ok = await client.PutAsJsonAsync("/api/control/parameters", new { values = new { stopLossTolerancePercent = 0.15, leverage = "7" } });
        ok.StatusCode.Should().Be(HttpStatusCode.OK);
        var current = await ok.Content.ReadFromJsonAsync<ParameterSetView>();
        current!.Operational.Single(p => p.Key == "leverage").Value.Should().Be(7m);
        host.Control.Values["stopLossTolerancePercent"].Should().Be(0.15m);

        var crossRule = await client.PutAsJsonAsync("/api/control/parameters", new { values = new { riskPerTradePercent = 5, dailyLossLimitPercent = 2 } });
        crossRule.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await crossRule.Content.ReadAsStringAsync()).Should().Contain("riskPerTradePercent must not exceed dailyLossLimitPercent");
    }

    [Fact]
    public async Task Strategy_toggle_checks_the_strategy_and_the_body()
    {
        await using var host = await DashboardTestHost.StartAsync();
        using var client = await host.CreateSignedInClientAsync();

        var unknown = await client.PutAsJsonAsync("/api/control/strategies/Z", new { enabled = true });
        unknown.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadAsStringAsync()).Should().Contain("strategy must be one of: A, B, C");
        (await client.PutAsJsonAsync("/api/control/strategies/A", new { })).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        (await client.PutAsJsonAsync("/api/control/strategies/A", new { enabled = false })).StatusCode.Should().Be(HttpStatusCode.OK);
        host.Trading.Strategies.Single(s => s.Strategy == "A").Enabled.Should().BeFalse();
    }

    [Fact]
    public async Task Emergency_close_all_closes_positions_and_a_throwing_bot_gives_500_without_details()
    {
        await using var host = await DashboardTestHost.StartAsync();
        using var client = await host.CreateSignedInClientAsync();
        host.Trading.Upsert(Fakes.FakeTradingSource.SamplePosition());

        var closed = await client.PostAsync("/api/control/close-all", null);
        closed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await closed.Content.ReadFromJsonAsync<ControlResult>())!.Message.Should().Be("closed 1 position(s); entries blocked");
        host.Trading.Positions.Should().BeEmpty();

        host.Control.ThrowNext = new InvalidOperationException("exchange said: key abc123 invalid");
        var failed = await client.PostAsync("/api/control/close-all", null);
        failed.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await failed.Content.ReadAsStringAsync()).Should().NotContain("abc123");
    }
}

public sealed class ParameterRequestValidationTests(SignedInHostFixture fixture) : IClassFixture<SignedInHostFixture>
{
    [Theory]
    [InlineData("{\"values\":{\"leverage\":\"lots\"}}", "leverage must be a number between 1 and 20 x")]
    [InlineData("{\"values\":{\"symbols\":1}}", "symbols is a core parameter")]
    [InlineData("{\"values\":{\"nonsense\":1}}", "nonsense is not an operational parameter")]
    [InlineData("{\"values\":{}}", "body must be")]
    [InlineData("{}", "body must be")]
    public async Task Bad_parameter_requests_get_a_clear_400(string json, string expected)
    {
        var client = fixture.Client;

        var response = await client.PutAsync("/api/control/parameters", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain(expected);
    }
}
