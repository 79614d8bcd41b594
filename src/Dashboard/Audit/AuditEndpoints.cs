using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace TradingBot.Dashboard.Audit;

/// <summary><c>GET /api/audit</c>: the audit trail, newest first, for signed-in operators.</summary>
internal static class AuditEndpoints
{
    public static void MapAuditEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", Results<Ok<IReadOnlyList<AuditEntry>>, BadRequest<ApiError>> (AuditLog log, int? limit, long? before) =>
        {
            var take = limit ?? 100;
            if (take is < 1 or > 1000)
            {
                return TypedResults.BadRequest(new ApiError("limit must be between 1 and 1000"));
            }

            return TypedResults.Ok(log.Read(take, before));
        });
    }
}
