using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TradingBot.Dashboard.Security;

namespace TradingBot.Silo.BrowserTests;

/// <summary>The port implementations over the real grains, through the dashboard's HTTP API (no browser).</summary>
[Collection(PaperSiloCollection.Name)]
public sealed class PaperSiloApiTests(PaperSilo silo)
{
    private readonly List<string> _bodies = [];

    [Fact]
    public async Task Read_endpoints_serve_the_real_grains_state_without_secrets()
    {
        using var http = await SignedInAsync();

        var snapshot = await GetAsync(http, "/api/trading/snapshot");
        snapshot.GetProperty("status").GetProperty("mode").GetString().Should().Be("paper");
        snapshot.GetProperty("status").GetProperty("connections").GetArrayLength().Should().Be(2, "market and user stream");
        snapshot.GetProperty("status").GetProperty("dailyLossLimit").GetDecimal().Should().BeGreaterThan(0);
        snapshot.GetProperty("account").GetProperty("asset").GetString().Should().Be("USDT");
        snapshot.GetProperty("account").GetProperty("totalBalance").GetDecimal().Should().BeInRange(9_000m, 11_000m, "the paper account starts with 10 000 USDT");
        snapshot.GetProperty("strategies").EnumerateArray().Select(s => s.GetProperty("strategy").GetString()).Should().Equal("A", "B", "C");

        var catalog = await GetAsync(http, "/api/trading/charts");
        catalog.GetProperty("symbols").EnumerateArray().Select(s => s.GetString()).Should().Equal("BTCUSDT", "ETHUSDT");
        catalog.GetProperty("timeframes").EnumerateArray().Select(s => s.GetString()).Should().Equal("1m", "15m", "1h");
        var chart = await GetAsync(http, "/api/trading/charts/BTCUSDT/1h?limit=100");
        chart.GetProperty("candles").GetArrayLength().Should().Be(100, "the SymbolGrain holds the loaded 1h history");
        (await http.GetAsync("/api/trading/charts/BTCUSDT/4h")).StatusCode.Should().BeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.NotFound);
        (await http.GetAsync("/api/trading/charts/XRPUSDT/1m")).StatusCode.Should().BeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.NotFound);

        (await GetAsync(http, "/api/trading/equity")).GetArrayLength().Should().BeGreaterThan(0);
        (await GetAsync(http, "/api/backtests")).GetArrayLength().Should().Be(0, "no backtest store exists yet");

        var cluster = await GetAsync(http, "/api/cluster/snapshot");
        cluster.GetProperty("grainTypes").EnumerateArray().Select(t => t.GetProperty("grainType").GetString()).Should().Contain(["risk", "position", "symbol", "strategy"]);
        cluster.GetProperty("process").GetProperty("workingSetBytes").GetInt64().Should().BeGreaterThan(0);
        var lines = (await GetAsync(http, "/api/cluster/logs?after=0&limit=1000")).GetProperty("lines").EnumerateArray()
            .Select(l => (Category: l.GetProperty("category").GetString()!, Level: l.GetProperty("level").GetString()!)).ToList();
        lines.Should().Contain(l => l.Category.StartsWith("TradingBot.", StringComparison.Ordinal), "the silo's own log lines reach the buffer");
        lines.Should().NotContain(l => l.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && l.Level == "Information",
            "request logs of the polling pages would drown the tail");
        (await GetAsync(http, "/api/cluster/dead-letters?limit=10")).ValueKind.Should().Be(JsonValueKind.Array);

        var parameters = await GetAsync(http, "/api/control/parameters");
        parameters.GetProperty("operational").EnumerateArray().Select(p => p.GetProperty("key").GetString())
            .Should().Contain(["stopLossTolerancePercent", "takeProfitAdjustment", "leverage", "riskPerTradePercent", "dailyLossLimitPercent"]);
        parameters.GetProperty("core").EnumerateArray().Should().Contain(p => p.GetProperty("key").GetString() == "symbols" && p.GetProperty("value").GetString() == "BTCUSDT, ETHUSDT");

        var secrets = new[] { silo.Simulator.ApiSecret, silo.Simulator.ApiKey, PaperSilo.Password };
        _bodies.Should().NotContain(body => secrets.Any(secret => body.Contains(secret, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Stop_and_start_pause_and_resume_the_real_grains_and_a_cross_parameter_rule_refuses_all_values()
    {
        using var http = await SignedInAsync();

        (await http.PostAsync("/api/control/stop", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var stopped = await GetAsync(http, "/api/trading/status");
        stopped.GetProperty("running").GetBoolean().Should().BeFalse();
        stopped.GetProperty("entriesAllowed").GetBoolean().Should().BeFalse();
        stopped.GetProperty("activeStrategies").GetArrayLength().Should().Be(0);
        (await http.PostAsync("/api/control/stop", null)).StatusCode.Should().Be(HttpStatusCode.Conflict, "already stopped");

        (await http.PostAsync("/api/control/start", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var started = await GetAsync(http, "/api/trading/status");
        started.GetProperty("running").GetBoolean().Should().BeTrue();
        started.GetProperty("entriesAllowed").GetBoolean().Should().BeTrue();
        started.GetProperty("activeStrategies").GetArrayLength().Should().BeGreaterThan(0);

        var before = await GetAsync(http, "/api/control/parameters");
        using var refused = await http.PutAsJsonAsync("/api/control/parameters", new { values = new Dictionary<string, decimal> { ["riskPerTradePercent"] = 5m, ["dailyLossLimitPercent"] = 2m, ["leverage"] = 3m } });
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("riskPerTradePercent must not exceed dailyLossLimitPercent");
        (await GetAsync(http, "/api/control/parameters")).GetRawText().Should().Be(before.GetRawText(), "all or nothing");
    }

    private async Task<HttpClient> SignedInAsync()
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false };
        var http = new HttpClient(handler) { BaseAddress = silo.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        await ArmAntiforgeryAsync(http);
        using var login = await http.PostAsJsonAsync("/auth/login", new { password = PaperSilo.Password });
        login.StatusCode.Should().Be(HttpStatusCode.NoContent);
        await ArmAntiforgeryAsync(http);
        return http;
    }

    private static async Task ArmAntiforgeryAsync(HttpClient http)
    {
        var token = await http.GetFromJsonAsync<AntiforgeryTokenView>("/auth/antiforgery");
        http.DefaultRequestHeaders.Remove(token!.HeaderName);
        http.DefaultRequestHeaders.Add(token.HeaderName, token.Token);
    }

    private async Task<JsonElement> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, $"{path}: {body}");
        _bodies.Add(body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
