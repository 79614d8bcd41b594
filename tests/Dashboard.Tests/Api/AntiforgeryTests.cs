using System.Net;
using System.Net.Http.Json;
using TradingBot.Dashboard.Tests.Hosting;

namespace TradingBot.Dashboard.Tests.Api;

public sealed class AntiforgeryTests
{
    /// <summary>The hub's negotiate POST is exempt: the hub has no client-callable methods, and its cookie is SameSite=Strict.</summary>
    private static bool IsHub(MappedEndpoint endpoint) => endpoint.Url.StartsWith("/hubs/", StringComparison.Ordinal);

    [Fact]
    public async Task Every_state_changing_endpoint_rejects_a_signed_in_request_without_a_token()
    {
        await using var host = await DashboardTestHost.StartAsync();
        using var client = await host.CreateSignedInClientAsync();
        client.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");

        var stateChanging = EndpointCatalog.All(host).Where(e => EndpointCatalog.IsStateChanging(e.Method) && !IsHub(e)).ToArray();
        stateChanging.Should().HaveCountGreaterThan(5);
        foreach (var endpoint in stateChanging)
        {
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Url) { Content = JsonContent.Create(new { allowed = false, enabled = false, password = DashboardTestHost.Password }) };
            using var response = await client.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, endpoint.Key);
            (await response.Content.ReadAsStringAsync()).Should().Contain("antiforgery", endpoint.Key);
        }

        host.Control.Calls.Should().BeEmpty("no control action may run without the token");
    }

    [Fact]
    public async Task A_forged_token_is_rejected_and_a_real_one_accepted()
    {
        await using var host = await DashboardTestHost.StartAsync();
        using var client = await host.CreateSignedInClientAsync();

        using var forged = new HttpRequestMessage(HttpMethod.Post, "/api/control/stop");
        forged.Headers.Add("X-CSRF-TOKEN", "CfDJ8forged");
        client.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
        (await client.SendAsync(forged)).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        await DashboardTestHost.ArmAntiforgeryAsync(client);
        (await client.PostAsync("/api/control/stop", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        host.Control.Calls.Should().Equal("stop");
    }
}
