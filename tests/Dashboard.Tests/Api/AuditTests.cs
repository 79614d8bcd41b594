using System.Net;
using System.Net.Http.Json;
using TradingBot.Dashboard.Audit;
using TradingBot.Dashboard.Tests.Hosting;

namespace TradingBot.Dashboard.Tests.Api;

public sealed class AuditTests
{
    [Fact]
    public async Task Logins_and_control_actions_are_written_to_the_sqlite_audit_log_with_actor_address_and_outcome()
    {
        await using var host = await DashboardTestHost.StartAsync();
        using (var stranger = host.CreateClient())
        {
            await DashboardTestHost.TryLoginAsync(stranger, "guess");
        }

        using var client = await host.CreateSignedInClientAsync();
        (await client.PostAsync("/api/control/close-all", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.PutAsJsonAsync("/api/control/strategies/B", new { enabled = false })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.PutAsJsonAsync("/api/control/entries", new { allowed = true })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.PostAsync("/api/control/start", null)).StatusCode.Should().Be(HttpStatusCode.Conflict, "the fake is already running");
        (await client.PutAsJsonAsync("/api/control/parameters", new { values = new { leverage = 50 } })).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var entries = (await client.GetFromJsonAsync<AuditEntry[]>("/api/audit"))!.Reverse().ToArray();

        entries.Select(e => (e.Action, e.Outcome.Split(':')[0])).Should().Equal(
            ("login", "failed"),
            ("login", "ok"),
            ("control.close-all", "ok"),
            ("control.strategy", "ok"),
            ("control.entries", "ok"),
            ("control.start", "refused"),
            ("control.parameters", "invalid"));
        entries.Should().OnlyContain(e => e.ClientAddress == "127.0.0.1");
        entries[0].Actor.Should().Be("anonymous");
        entries.Skip(1).Should().OnlyContain(e => e.Actor.StartsWith("operator#", StringComparison.Ordinal));
        entries.Skip(1).Select(e => e.Actor).Distinct().Should().HaveCount(1, "one session did all of it");
        entries[3].Detail.Should().Be("strategy=B enabled=false");
        entries[6].Outcome.Should().Contain("leverage must be a number between 1 and 20");
        entries.Should().OnlyContain(e => e.At > DateTimeOffset.UtcNow.AddMinutes(-5));
        File.Exists(host.AuditDatabasePath).Should().BeTrue();
    }

    [Fact]
    public async Task Audit_rows_survive_a_restart_of_the_log()
    {
        await using var host = await DashboardTestHost.StartAsync();
        using var client = await host.CreateSignedInClientAsync();
        await client.PostAsync("/api/control/stop", null);

        var reopened = new AuditLog(new DashboardOptions { AuditDatabasePath = host.AuditDatabasePath }, Dashboard.Security.DashboardClock.System);

        reopened.Read(10, null).Select(e => e.Action).Should().Contain(["login", "control.stop"]);
    }
}
