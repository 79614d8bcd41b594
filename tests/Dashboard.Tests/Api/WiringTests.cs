using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace TradingBot.Dashboard.Tests.Api;

public sealed class WiringTests
{
    [Fact]
    public async Task MapTradingDashboard_without_the_ports_fails_at_start_naming_them()
    {
        var directory = Path.Combine(Path.GetTempPath(), "tb-dash-" + Guid.NewGuid().ToString("N")[..12]);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Dashboard:AuditDatabasePath"] = Path.Combine(directory, "audit.db") });
        builder.Services.AddTradingDashboard(builder.Configuration);
        await using var app = builder.Build();

        var act = () => app.MapTradingDashboard();

        act.Should().Throw<InvalidOperationException>().WithMessage("*ITradingDashboardSource, IBotControl, IClusterMetricsSource*");
    }
}
