using System.Net;
using System.Net.Http.Json;
using TradingBot.Dashboard.Tests.Fakes;
using TradingBot.Dashboard.Tests.Hosting;

namespace TradingBot.Dashboard.Tests.Api;

public sealed class LoginTests
{
    [Fact]
    public async Task Correct_password_opens_a_session_with_an_http_only_strict_cookie()
    {
        await using var host = await DashboardTestHost.StartAsync();
        using var client = host.CreateClient();

        var response = await DashboardTestHost.TryLoginAsync(client, DashboardTestHost.Password);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("tb.session=", StringComparison.Ordinal));
        cookie.Should().ContainEquivalentOf("httponly").And.ContainEquivalentOf("samesite=strict");
        (await client.GetAsync("/api/trading/positions")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Sixth_bad_attempt_is_locked_out_even_with_the_right_password_until_the_lockout_ends()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var host = await DashboardTestHost.StartAsync(clock: clock);
        using var client = host.CreateClient();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            (await DashboardTestHost.TryLoginAsync(client, "wrong " + attempt)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, $"attempt {attempt}");
        }

        (await DashboardTestHost.TryLoginAsync(client, "wrong 6")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "the sixth bad attempt is locked out");
        var locked = await DashboardTestHost.TryLoginAsync(client, DashboardTestHost.Password);
        locked.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        locked.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(30));
        (await locked.Content.ReadFromJsonAsync<ApiError>())!.Error.Should().Contain("too many failed logins");

        clock.Advance(TimeSpan.FromSeconds(31));
        (await DashboardTestHost.TryLoginAsync(client, "wrong again")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var doubled = await DashboardTestHost.TryLoginAsync(client, DashboardTestHost.Password);
        doubled.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        doubled.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(60), "each failure after the fifth doubles the lockout");

        clock.Advance(TimeSpan.FromSeconds(61));
        (await DashboardTestHost.TryLoginAsync(client, DashboardTestHost.Password)).StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_session_ends_after_eight_idle_hours_and_slides_while_used()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var host = await DashboardTestHost.StartAsync(clock: clock);
        using var client = await host.CreateSignedInClientAsync();

        clock.Advance(TimeSpan.FromHours(5));
        (await client.GetAsync("/api/trading/account")).StatusCode.Should().Be(HttpStatusCode.OK, "past half the lifetime the cookie is renewed");
        clock.Advance(TimeSpan.FromHours(7));
        (await client.GetAsync("/api/trading/account")).StatusCode.Should().Be(HttpStatusCode.OK, "the renewed cookie lasts 8 h from the last use");
        clock.Advance(TimeSpan.FromHours(8.1));
        (await client.GetAsync("/api/trading/account")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logout_ends_the_session()
    {
        await using var host = await DashboardTestHost.StartAsync();
        using var client = await host.CreateSignedInClientAsync();

        (await client.PostAsync("/auth/logout", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await client.GetAsync("/api/trading/account")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Missing_hash_outside_paper_mode_shows_the_setup_page_and_refuses_logins()
    {
        await using var host = await DashboardTestHost.StartAsync(new Dictionary<string, string?> { ["Dashboard:PasswordHash"] = "", ["Silo:Mode"] = "testnet" });
        using var client = host.CreateClient();

        var page = await client.GetStringAsync("/login");
        page.Should().Contain("no password configured").And.Contain("trading-bot hash-password").And.Contain("data-testid=\"no-password-notice\"");
        var login = await DashboardTestHost.TryLoginAsync(client, "anything");
        login.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await login.Content.ReadFromJsonAsync<ApiError>())!.Error.Should().Contain("trading-bot hash-password");
        host.Announcer.Password.Should().BeNull("only paper mode gets a one-time password");
    }

    [Fact]
    public async Task Malformed_hash_refuses_logins()
    {
        await using var host = await DashboardTestHost.StartAsync(new Dictionary<string, string?> { ["Dashboard:PasswordHash"] = "plaintext-password" });
        using var client = host.CreateClient();

        (await client.GetStringAsync("/login")).Should().Contain("trading-bot hash-password");
        (await DashboardTestHost.TryLoginAsync(client, "plaintext-password")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Paper_mode_without_hash_announces_a_one_time_password_that_works()
    {
        await using var host = await DashboardTestHost.StartAsync(new Dictionary<string, string?> { ["Dashboard:PasswordHash"] = "" });
        using var client = host.CreateClient();

        var password = host.Announcer.Password;
        password.Should().NotBeNullOrEmpty().And.HaveLength(20);
        (await DashboardTestHost.TryLoginAsync(client, password!)).StatusCode.Should().Be(HttpStatusCode.NoContent);
    }
}
