using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TradingBot.Dashboard.Audit;

namespace TradingBot.Dashboard.Security;

/// <summary>Login, logout, antiforgery token and session info under <c>/auth</c>.</summary>
internal static class AuthEndpoints
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapGroup("/auth").AddEndpointFilter<AntiforgeryEndpointFilter>();

        auth.MapGet("/antiforgery", (HttpContext context, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            context.Response.Headers.CacheControl = "no-store";
            return TypedResults.Ok(new AntiforgeryTokenView(AntiforgeryEndpointFilter.HeaderName, tokens.RequestToken!));
        }).AllowAnonymous();

        auth.MapPost("/login", LoginAsync).AllowAnonymous();

        auth.MapPost("/logout", async (HttpContext context, AuditRecorder audit) =>
        {
            audit.Record(context, "logout", "", "ok");
            await context.SignOutAsync(DashboardClaims.Scheme);
            return TypedResults.NoContent();
        });

        auth.MapGet("/session", (HttpContext context, DashboardOptions options) =>
            TypedResults.Ok(new SessionView(DashboardClaims.Actor(context.User), options.Mode)));
    }

    private static async Task<Results<NoContent, JsonHttpResult<ApiError>, BadRequest<ApiError>>> LoginAsync(
        HttpContext context,
        LoginRequest? request,
        DashboardCredentials credentials,
        LoginThrottle throttle,
        AuditRecorder audit,
        DashboardClock clock)
    {
        var client = ClientAddress.Of(context);
        if (!credentials.CanLogIn)
        {
            audit.Record(context, "login", "", "refused: no password configured");
            return TypedResults.Json(new ApiError("no password configured — run trading-bot hash-password and set DASHBOARD_PASSWORD_HASH"), statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (throttle.LockedUntil(client) is { } until)
        {
            var wait = Math.Max(1, (int)Math.Ceiling((until - clock.UtcNow).TotalSeconds));
            context.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
            audit.Record(context, "login", "", "locked-out");
            return TypedResults.Json(new ApiError($"too many failed logins from this address; try again in {wait} s"), statusCode: StatusCodes.Status429TooManyRequests);
        }

        if (request is null || string.IsNullOrEmpty(request.Password) || request.Password.Length > 1024)
        {
            return TypedResults.BadRequest(new ApiError("password is required (1 to 1024 characters)"));
        }

        if (!credentials.Verify(request.Password))
        {
            var remaining = throttle.RecordFailure(client);
            audit.Record(context, "login", "", remaining == 0 ? "failed; address locked out" : "failed");
            return TypedResults.Json(new ApiError("wrong password"), statusCode: StatusCodes.Status401Unauthorized);
        }

        throttle.RecordSuccess(client);
        var principal = DashboardClaims.NewSession();
        await context.SignInAsync(DashboardClaims.Scheme, principal);
        context.User = principal;
        audit.Record(context, "login", "", "ok");
        return TypedResults.NoContent();
    }
}

/// <summary>Body of <c>POST /auth/login</c>.</summary>
public sealed record LoginRequest(string? Password);

/// <summary>The antiforgery request token and the header to send it in.</summary>
public sealed record AntiforgeryTokenView(string HeaderName, string Token);

/// <summary>Who is signed in and the bot's mode.</summary>
public sealed record SessionView(string Actor, string Mode);
