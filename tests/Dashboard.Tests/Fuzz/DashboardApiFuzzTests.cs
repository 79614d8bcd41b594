using System.Diagnostics;
using System.Net;
using TradingBot.Dashboard.Security;
using TradingBot.Dashboard.Tests.Hosting;
using TradingBot.Exchange.Tests.Fuzz;
using Xunit.Abstractions;

namespace TradingBot.Dashboard.Tests.Fuzz;

/// <summary>
/// Fuzzes every endpoint in the route table over a real Kestrel server on 127.0.0.1: bad queries, bad route values
/// (traversal, huge, control characters), mutated JSON bodies, wrong content types, huge and deep bodies, missing /
/// forged / tampered session cookies and antiforgery tokens. Properties: never a 5xx; every 4xx carries a message;
/// nothing without a valid session and token succeeds or changes state.
/// </summary>
public sealed class DashboardApiFuzzTests(ITestOutputHelper output)
{
    private const int MutationsPerBody = 60;

    [Fact]
    public async Task Every_endpoint_answers_fuzzed_requests_with_a_clear_4xx_and_never_changes_state_without_auth()
    {
        var watch = Stopwatch.StartNew();
        await using var host = await DashboardTestHost.StartAsync();
        var endpoints = EndpointCatalog.All(host);
        endpoints.Should().HaveCountGreaterThan(20, "the route table must be read");
        var (signedIn, cookies) = await SignInAsync(host);
        var (other, _) = await SignInAsync(host);
        var (leaving, _) = await SignInAsync(host);
        using var anonymous = Client(host, useCookies: false);
        var sessionCookie = cookies.GetCookies(host.BaseAddress)["tb.session"]!.Value;
        var tally = new FuzzTally();

        // 1. No, forged, tampered or empty session cookie: refused everywhere except the public endpoints.
        var callsBefore = host.Control.Calls.Count;
        var stateBefore = (host.Trading.Running, host.Trading.EntriesAllowed, host.Control.Values.Count);
        foreach (var endpoint in endpoints)
        {
            foreach (var (probe, cookie) in DashboardProbes.WithoutSession(endpoint, sessionCookie))
            {
                anonymous.DefaultRequestHeaders.Remove("Cookie");
                if (cookie is not null)
                {
                    anonymous.DefaultRequestHeaders.TryAddWithoutValidation("Cookie", cookie);
                }

                await probe.RunAsync(anonymous, tally);
            }
        }

        // 2. A valid session but a missing, forged, empty or foreign antiforgery token: every state change refused.
        var foreignToken = other.DefaultRequestHeaders.GetValues(AntiforgeryEndpointFilter.HeaderName).Single();
        var ownToken = signedIn.DefaultRequestHeaders.GetValues(AntiforgeryEndpointFilter.HeaderName).Single();
        foreach (var endpoint in endpoints.Where(e => EndpointCatalog.IsStateChanging(e.Method) && !e.Url.StartsWith("/hubs/", StringComparison.Ordinal) && e.Key != "POST /auth/login"))
        {
            foreach (var (name, token) in new (string, string?)[] { ("no token", null), ("forged token", "CfDJ8forged"), ("empty token", ""), ("other session's token", foreignToken) })
            {
                signedIn.DefaultRequestHeaders.Remove(AntiforgeryEndpointFilter.HeaderName);
                if (token is not null)
                {
                    signedIn.DefaultRequestHeaders.TryAddWithoutValidation(AntiforgeryEndpointFilter.HeaderName, token);
                }

                var probe = new HttpProbe(endpoint.Key, name, endpoint.Method, endpoint.Url, HttpProbe.Utf8(DashboardProbes.SeedBody(endpoint)), DashboardProbes.Json, MustRefuse: true);
                await probe.RunAsync(signedIn, tally);
            }
        }

        signedIn.DefaultRequestHeaders.Remove(AntiforgeryEndpointFilter.HeaderName);
        signedIn.DefaultRequestHeaders.Add(AntiforgeryEndpointFilter.HeaderName, ownToken);
        host.Control.Calls.Count.Should().Be(callsBefore, "no control action may run without a session and a token");
        (host.Trading.Running, host.Trading.EntriesAllowed, host.Control.Values.Count).Should().Be(stateBefore);

        // 3. Signed in with a valid token: damaged queries, route values, bodies and content types.
        foreach (var endpoint in endpoints.Where(e => e.Key is not "POST /auth/logout" and not "POST /auth/login"))
        {
            foreach (var probe in DashboardProbes.SignedIn(endpoint, MutationsPerBody))
            {
                await probe.RunAsync(signedIn, tally);
            }
        }

        // 4. Traversal out of the public asset folders and into the page files: never a 2xx.
        foreach (var path in DashboardProbes.TraversalPaths)
        {
            await new HttpProbe("(no endpoint) traversal", path, "GET", path, null, null, MustRefuse: true).RunAsync(signedIn, tally);
        }

        // 5. Login and logout last: failed logins lock the address out (a 429 is a clear refusal too), logout ends a session.
        var loginEndpoint = endpoints.Single(e => e.Key == "POST /auth/login");
        using var loginClient = Client(host, useCookies: true);
        await DashboardTestHost.ArmAntiforgeryAsync(loginClient);
        foreach (var probe in DashboardProbes.SignedIn(loginEndpoint, mutations: 25).Where(p => p.Variant.StartsWith("mutated", StringComparison.Ordinal) || p.Variant is "content type" or "empty body" or "2 MB string"))
        {
            await probe.RunAsync(loginClient, tally);
        }

        var logoutEndpoint = endpoints.Single(e => e.Key == "POST /auth/logout");
        foreach (var probe in DashboardProbes.SignedIn(logoutEndpoint, mutations: 10))
        {
            await probe.RunAsync(leaving, tally);
        }

        output.WriteLine(tally.Table($"Dashboard HTTP fuzz over 127.0.0.1 ({endpoints.Count} mapped endpoints, {watch.Elapsed.TotalSeconds:F1} s): accepted = 2xx/3xx, rejected = 4xx with a message or a redirect to /login"));
        tally.Violations.Should().BeEmpty();
    }

    private static HttpClient Client(DashboardTestHost host, bool useCookies, CookieContainer? cookies = null)
    {
        var handler = new HttpClientHandler { UseCookies = useCookies, CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false };
        return new HttpClient(handler) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    private static async Task<(HttpClient Client, CookieContainer Cookies)> SignInAsync(DashboardTestHost host)
    {
        var cookies = new CookieContainer();
        var client = Client(host, useCookies: true, cookies);
        var response = await DashboardTestHost.TryLoginAsync(client, DashboardTestHost.Password);
        response.StatusCode.Should().Be(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
        await DashboardTestHost.ArmAntiforgeryAsync(client);
        return (client, cookies);
    }
}
