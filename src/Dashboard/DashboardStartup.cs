using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TradingBot.Dashboard.Audit;
using TradingBot.Dashboard.Security;

namespace TradingBot.Dashboard;

/// <summary>
/// Resolves the credentials and the audit log when the host starts, so the paper-mode one-time
/// password is printed at start and a bad audit path fails the start instead of the first login.
/// </summary>
internal sealed class DashboardStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<DashboardCredentials>();
        services.GetRequiredService<AuditLog>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
