using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TradingBot.Dashboard.Health;

/// <summary>Maps the unauthenticated liveness endpoint.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/health", async (SiloIdentity identity, IEnumerable<IHealthContributor> contributors) =>
        {
            var details = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var contributor in contributors)
            {
                details[contributor.Name] = await contributor.DescribeAsync();
            }

            return Results.Json(new HealthReport("ok", identity.Mode, Math.Round(identity.Uptime.TotalSeconds, 3), identity.Version, identity.StartedAt, details));
        }).AllowAnonymous();
        return endpoints;
    }
}
