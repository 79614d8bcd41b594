using System.Net;
using TradingBot.Dashboard.Tests.Hosting;

namespace TradingBot.Dashboard.Tests.Api;

/// <summary>Enumerates the mapped endpoints so that a new endpoint is covered without editing the test.</summary>
public sealed class AuthorizationCoverageTests
{
    [Fact]
    public async Task Every_non_public_endpoint_refuses_a_request_without_a_session()
    {
        await using var host = await DashboardTestHost.StartAsync();
        using var client = host.CreateClient();
        var endpoints = EndpointCatalog.All(host);
        endpoints.Should().HaveCountGreaterThan(20, "the catalog must actually find the dashboard's endpoints");

        var checkedCount = 0;
        foreach (var (method, url, key, _) in endpoints.Where(e => !EndpointCatalog.Public.Contains(e.Key)))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = method == "GET" ? null : new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
            using var response = await client.SendAsync(request);
            var refused = response.StatusCode == HttpStatusCode.Unauthorized
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.StartsWith("/login", StringComparison.Ordinal));
            refused.Should().BeTrue($"{key} ({url}) answered {(int)response.StatusCode} without a session");
            checkedCount++;
        }

        checkedCount.Should().BeGreaterThan(20);
    }

    [Fact]
    public async Task Only_the_intended_endpoints_are_public()
    {
        await using var host = await DashboardTestHost.StartAsync();
        var anonymous = EndpointCatalog.All(host).Where(e => e.AllowsAnonymous).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);

        anonymous.Should().BeEquivalentTo(EndpointCatalog.Public);
    }

    [Fact]
    public async Task Public_endpoints_and_static_assets_answer_without_a_session()
    {
        await using var host = await DashboardTestHost.StartAsync();
        using var client = host.CreateClient();

        (await client.GetAsync("/api/health")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/login")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/auth/antiforgery")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/css/dashboard.css")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/js/trading.js")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Pages_redirect_to_login_and_apis_answer_401()
    {
        await using var host = await DashboardTestHost.StartAsync();
        using var client = host.CreateClient();

        var page = await client.GetAsync("/controls");
        page.StatusCode.Should().Be(HttpStatusCode.Redirect);
        page.Headers.Location!.OriginalString.Should().StartWith("/login");

        (await client.GetAsync("/api/trading/positions")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await client.GetAsync("/pages/trading.html")).StatusCode.Should().NotBe(HttpStatusCode.OK, "page files are not static assets");
    }
}
