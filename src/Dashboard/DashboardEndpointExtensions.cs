using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using TradingBot.Dashboard.Api;
using TradingBot.Dashboard.Audit;
using TradingBot.Dashboard.Live;
using TradingBot.Dashboard.Pages;
using TradingBot.Dashboard.Ports.Cluster;
using TradingBot.Dashboard.Ports.Control;
using TradingBot.Dashboard.Ports.Trading;
using TradingBot.Dashboard.Security;

namespace TradingBot.Dashboard;

/// <summary>Adds the dashboard's middleware and endpoints to the silo's web application.</summary>
public static class DashboardEndpointExtensions
{
    /// <summary>
    /// Security headers, a message in every refusal (<see cref="ErrorBodyMiddleware"/>), public static assets (<c>/css</c>, <c>/js</c>, <c>/lib</c>), cookie authentication
    /// with a fallback policy that requires a session everywhere else, the pages, <c>/auth/*</c>,
    /// <c>/api/*</c> and the SignalR hub <c>/hubs/dashboard</c>. <c>/api/health</c> is mapped by the host
    /// (<c>MapHealth</c>) and stays public. Call after <c>AddTradingDashboard</c>, before <c>Run</c>.
    /// </summary>
    public static WebApplication MapTradingDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        RequirePorts(app.Services);
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<ErrorBodyMiddleware>();

        var contentTypes = new FileExtensionContentTypeProvider();
        contentTypes.Mappings[".mjs"] = "text/javascript";
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedWebRootFileProvider(typeof(DashboardEndpointExtensions).Assembly, hiddenFolder: "pages/"),
            ContentTypeProvider = contentTypes,
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache",
        });

        app.UseAuthentication();
        app.UseAuthorization();

        app.MapPageEndpoints();
        app.MapAuthEndpoints();
        var api = app.MapGroup("/api").AddEndpointFilter<AntiforgeryEndpointFilter>();
        api.MapTradingEndpoints();
        api.MapControlEndpoints();
        api.MapClusterEndpoints();
        api.MapAuditEndpoints();
        app.MapHub<DashboardHub>(DashboardHub.Path, hub => hub.CloseOnAuthenticationExpiration = true);
        return app;
    }

    /// <summary>Fails at start, with the fix in the message, instead of on the first page view.</summary>
    private static void RequirePorts(IServiceProvider services)
    {
        var registry = services.GetRequiredService<IServiceProviderIsService>();
        var missing = new[] { typeof(ITradingDashboardSource), typeof(IBotControl), typeof(IClusterMetricsSource) }
            .Where(port => !registry.IsService(port))
            .Select(port => port.Name)
            .ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidOperationException(
                $"The dashboard needs implementations of {string.Join(", ", missing)} registered in the service collection before MapTradingDashboard().");
        }
    }
}
