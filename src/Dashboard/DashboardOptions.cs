using Microsoft.Extensions.Configuration;

namespace TradingBot.Dashboard;

/// <summary>Dashboard settings, read from the <c>Dashboard</c> configuration section (see docs/dashboard.md).</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>Hash produced by <c>trading-bot hash-password</c>; falls back to env <c>DASHBOARD_PASSWORD_HASH</c>.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>paper, testnet, mainnet (taken from <c>Silo:Mode</c> when not set here).</summary>
    public string Mode { get; set; } = "paper";

    /// <summary>
    /// Paper mode only: with no hash configured, generate a one-time password at start and print it on
    /// standard output (never to the log files). Default on.
    /// </summary>
    public bool GeneratePaperModePassword { get; set; } = true;

    /// <summary>SQLite file of the audit log; default <c>{Silo:DataDirectory}/dashboard-audit.db</c>.</summary>
    public string? AuditDatabasePath { get; set; }

    /// <summary>Idle time after which a session ends (sliding).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Failed logins from one address before it is locked out.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    /// <summary>First lockout; each further failure doubles it up to <see cref="MaxLockout"/>.</summary>
    public TimeSpan FirstLockout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest lockout.</summary>
    public TimeSpan MaxLockout { get; set; } = TimeSpan.FromHours(1);

    internal static DashboardOptions From(IConfiguration configuration)
    {
        var options = new DashboardOptions();
        configuration.GetSection(Section).Bind(options);
        if (configuration.GetSection(Section)["Mode"] is null && configuration["Silo:Mode"] is { Length: > 0 } siloMode)
        {
            options.Mode = siloMode;
        }

        if (string.IsNullOrWhiteSpace(options.PasswordHash))
        {
            options.PasswordHash = configuration["DASHBOARD_PASSWORD_HASH"] ?? Environment.GetEnvironmentVariable("DASHBOARD_PASSWORD_HASH");
        }

        options.AuditDatabasePath ??= Path.Combine(configuration["Silo:DataDirectory"] ?? "data", "dashboard-audit.db");
        options.AuditDatabasePath = Path.GetFullPath(options.AuditDatabasePath);
        return options;
    }

    internal bool IsPaperMode => string.Equals(Mode, "paper", StringComparison.OrdinalIgnoreCase);
}
