using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TradingBot.Dashboard;
using TradingBot.Dashboard.Cluster;
using TradingBot.Dashboard.Ports.Cluster;
using TradingBot.Dashboard.Ports.Control;
using TradingBot.Dashboard.Ports.Trading;
using TradingBot.Grains.Hosting;
using TradingBot.Silo.Hosting;

[assembly: InternalsVisibleTo("TradingBot.Silo.BrowserTests")]

namespace TradingBot.Silo.Dashboard;

/// <summary>Registers the dashboard with its ports implemented over the trading grains.</summary>
internal static class DashboardWiring
{
    /// <summary>
    /// Call after the trading grains are registered (<c>AddTradingAsync</c>); then
    /// <c>app.MapTradingDashboard()</c> after <c>app.MapHealth()</c>.
    /// </summary>
    public static void AddSiloDashboard(this WebApplicationBuilder builder, SiloOptions silo)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(silo);
        var services = builder.Services;
        var logs = new DashboardLogBuffer();
        builder.Logging.AddProvider(logs);
        // The cluster page polls every second: without this its own request logs would flood the tail it shows.
        builder.Logging.AddFilter<DashboardLogBuffer>("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter<DashboardLogBuffer>("Microsoft.Hosting.Lifetime", LogLevel.Information);
        services.AddSingleton(logs);
        services.AddSingleton<ProcessStatsSampler>();

        var strategySettings = new LiveStrategySettings(Path.Combine(Path.GetFullPath(silo.DataDirectory), "dashboard-strategy-settings.json"));
        services.AddSingleton(strategySettings);
        services.AddSingleton<IPostConfigureOptions<TradingOptions>>(strategySettings);
        services.AddSingleton<IOptionsChangeTokenSource<TradingOptions>>(strategySettings);

        services.AddSingleton<DashboardActivity>();
        var backtests = builder.Configuration["Dashboard:BacktestDatabasePath"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetFullPath(silo.DataDirectory), "backtests.db");
        services.AddSingleton(sp => new BacktestRunStore(Path.GetFullPath(backtests), sp.GetRequiredService<ILogger<BacktestRunStore>>()));
        services.AddSingleton<TradingDashboardSource>();
        services.AddSingleton<ITradingDashboardSource>(sp => sp.GetRequiredService<TradingDashboardSource>());
        services.AddSingleton<IBotControl, BotControl>();
        services.AddSingleton<IClusterMetricsSource, ClusterMetricsSource>();
        services.AddHostedService<DashboardNotifierBridge>();
        services.AddTradingDashboard(builder.Configuration);
    }
}
