using Microsoft.Extensions.Configuration;

namespace TradingBot.Dashboard.Tests.Security;

public sealed class DashboardOptionsTests
{
    [Fact]
    public void Hash_mode_and_audit_path_come_from_the_silo_configuration_when_the_dashboard_section_is_silent()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DASHBOARD_PASSWORD_HASH"] = "AQAAAAIAAYagAAAAEHash",
            ["Silo:Mode"] = "testnet",
            ["Silo:DataDirectory"] = "/var/lib/trading-bot",
        }).Build();

        var options = DashboardOptions.From(configuration);

        options.PasswordHash.Should().Be("AQAAAAIAAYagAAAAEHash");
        options.Mode.Should().Be("testnet");
        options.IsPaperMode.Should().BeFalse();
        options.AuditDatabasePath.Should().Be("/var/lib/trading-bot/dashboard-audit.db");
    }

    [Fact]
    public void The_dashboard_section_wins()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DASHBOARD_PASSWORD_HASH"] = "from-env",
            ["Dashboard:PasswordHash"] = "from-section",
            ["Dashboard:Mode"] = "paper",
            ["Dashboard:SessionLifetime"] = "02:00:00",
            ["Silo:Mode"] = "mainnet",
        }).Build();

        var options = DashboardOptions.From(configuration);

        options.PasswordHash.Should().Be("from-section");
        options.IsPaperMode.Should().BeTrue();
        options.SessionLifetime.Should().Be(TimeSpan.FromHours(2));
    }
}
