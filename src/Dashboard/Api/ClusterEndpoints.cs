using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using TradingBot.Dashboard.Ports.Cluster;

namespace TradingBot.Dashboard.Api;

/// <summary>Grain-health endpoints under <c>/api/cluster</c>, polled by the cluster view each second.</summary>
internal static class ClusterEndpoints
{
    public static void MapClusterEndpoints(this RouteGroupBuilder api)
    {
        var cluster = api.MapGroup("/cluster");
        cluster.MapGet("/snapshot", async ([FromServices] IClusterMetricsSource source, CancellationToken ct) => TypedResults.Ok(await source.GetSnapshotAsync(ct)));
        cluster.MapGet("/dead-letters", async Task<Results<Ok<IReadOnlyList<DeadLetterSummaryView>>, BadRequest<ApiError>>> ([FromServices] IClusterMetricsSource source, int? limit, CancellationToken ct) =>
        {
            var take = limit ?? 100;
            if (take is < 1 or > 1000)
            {
                return TypedResults.BadRequest(new ApiError("limit must be between 1 and 1000"));
            }

            return TypedResults.Ok(await source.GetDeadLettersAsync(take, ct));
        });
        cluster.MapGet("/dead-letters/{id}", async Task<Results<Ok<DeadLetterView>, NotFound<ApiError>>> ([FromServices] IClusterMetricsSource source, string id, CancellationToken ct) =>
            await source.GetDeadLetterAsync(id, ct) is { } letter
                ? TypedResults.Ok(letter)
                : TypedResults.NotFound(new ApiError($"no dead letter with id '{TradingEndpoints.Shorten(id)}'")));
        cluster.MapGet("/logs", async Task<Results<Ok<LogTailView>, BadRequest<ApiError>>> ([FromServices] IClusterMetricsSource source, long? after, int? limit, CancellationToken ct) =>
        {
            var take = limit ?? 200;
            if (take is < 1 or > 1000)
            {
                return TypedResults.BadRequest(new ApiError("limit must be between 1 and 1000"));
            }

            if (after is < 0)
            {
                return TypedResults.BadRequest(new ApiError("after must be 0 or greater"));
            }

            return TypedResults.Ok(await source.GetLogTailAsync(after ?? 0, take, ct));
        });
    }
}
