using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TradingBot.Dashboard.Audit;
using TradingBot.Dashboard.Live;
using TradingBot.Dashboard.Pages;
using TradingBot.Dashboard.Ports;
using TradingBot.Dashboard.Security;

namespace TradingBot.Dashboard;

/// <summary>Registers the dashboard: auth, antiforgery, audit log, SignalR, JSON options, notifier.</summary>
public static class DashboardServiceCollectionExtensions
{
    /// <summary>
    /// Adds the dashboard's services. The host must also register implementations of
    /// <see cref="Ports.Trading.ITradingDashboardSource"/>, <see cref="Ports.Control.IBotControl"/> and
    /// <see cref="Ports.Cluster.IClusterMetricsSource"/>, and may resolve <see cref="IDashboardNotifier"/>
    /// to push changes. Then call <c>app.MapTradingDashboard()</c>.
    /// </summary>
    public static IServiceCollection AddTradingDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = DashboardOptions.From(configuration);
        services.AddSingleton(options);
        services.TryAddSingleton(DashboardClock.System);
        services.TryAddSingleton<IOneTimePasswordAnnouncer, ConsoleOneTimePasswordAnnouncer>();
        services.AddSingleton<DashboardCredentials>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<AuditRecorder>();
        services.AddSingleton(new EmbeddedWebRootFileProvider(typeof(DashboardServiceCollectionExtensions).Assembly));
        services.AddHostedService<DashboardStartup>();

        services.AddSingleton<DashboardBroadcaster>();
        services.AddSingleton<IDashboardNotifier>(sp => sp.GetRequiredService<DashboardBroadcaster>());
        services.AddHostedService(sp => sp.GetRequiredService<DashboardBroadcaster>());

        services.AddAuthentication(DashboardClaims.Scheme).AddCookie(DashboardClaims.Scheme, cookie =>
        {
            cookie.Cookie.Name = "tb.session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = options.SessionLifetime;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/login";
            cookie.LogoutPath = "/auth/logout";
            cookie.Events = new CookieAuthenticationEvents
            {
                OnRedirectToLogin = context => Deny(context, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = context => Deny(context, StatusCodes.Status403Forbidden),
            };
        });
        services.AddOptions<CookieAuthenticationOptions>(DashboardClaims.Scheme)
            .Configure<DashboardClock>((cookie, clock) => cookie.TimeProvider = clock.Time);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(DashboardClaims.Scheme).RequireAuthenticatedUser().Build());
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.HeaderName = AntiforgeryEndpointFilter.HeaderName;
            antiforgery.Cookie.Name = "tb.antiforgery";
            antiforgery.Cookie.HttpOnly = true;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.SuppressXFrameOptionsHeader = true;
        });

        // Binding failures (malformed JSON, wrong content type, oversized body) throw instead of answering an empty 400,
        // so ErrorBodyMiddleware can tell the caller what was wrong.
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddSignalR().AddJsonProtocol(json => json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        return services;
    }

    /// <summary>APIs and the hub get a status code; pages get redirected to the login page.</summary>
    private static Task Deny(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/auth") || status == StatusCodes.Status403Forbidden)
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        // Relative, so it stays right behind a reverse proxy that rewrites the host.
        var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
        context.Response.Redirect("/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        return Task.CompletedTask;
    }
}
