using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradingBot.Dashboard.Security;

namespace TradingBot.Dashboard.Pages;

/// <summary>
/// The HTML pages. They are endpoints, not static files, so that all but the login page sit behind the
/// session (static assets stay public: they hold no data).
/// </summary>
internal static class PageEndpoints
{
    public static void MapPageEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (EmbeddedWebRootFileProvider files) => Page(files, "trading.html"));
        endpoints.MapGet("/controls", (EmbeddedWebRootFileProvider files) => Page(files, "controls.html"));
        endpoints.MapGet("/cluster", (EmbeddedWebRootFileProvider files) => Page(files, "cluster.html"));
        endpoints.MapGet("/audit", (EmbeddedWebRootFileProvider files) => Page(files, "audit.html"));
        endpoints.MapGet("/login", (HttpContext context, EmbeddedWebRootFileProvider files, DashboardCredentials credentials) =>
        {
            if (!credentials.CanLogIn)
            {
                return Page(files, credentials.State == CredentialState.Malformed ? "no-password-malformed.html" : "no-password.html");
            }

            return context.User.Identity?.IsAuthenticated == true ? Results.Redirect("/") : Page(files, "login.html");
        }).AllowAnonymous();
    }

    private static IResult Page(EmbeddedWebRootFileProvider files, string name)
    {
        var file = files.GetFileInfo("pages/" + name);
        if (!file.Exists)
        {
            return Results.Problem($"dashboard page {name} is missing from the build", statusCode: StatusCodes.Status500InternalServerError);
        }

        return new NoStoreResult(Results.Stream(file.CreateReadStream(), "text/html; charset=utf-8"));
    }

    /// <summary>Pages must not be cached: a cached page after logout would show stale data.</summary>
    private sealed class NoStoreResult(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.CacheControl = "no-store";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
