using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using TradingBot.Dashboard.Ports.Trading;

namespace TradingBot.Dashboard.Api;

/// <summary>Read endpoints of the trading view under <c>/api/trading</c> and <c>/api/backtests</c>.</summary>
internal static class TradingEndpoints
{
    public const int MaxTrades = 200;
    public const int MaxCandles = 2000;

    public static void MapTradingEndpoints(this RouteGroupBuilder api)
    {
        var trading = api.MapGroup("/trading");
        trading.MapGet("/snapshot", async ([FromServices] ITradingDashboardSource source, CancellationToken ct) =>
            TypedResults.Ok(new TradingSnapshotView(
                await source.GetPositionsAsync(ct),
                await source.GetAccountAsync(ct),
                await source.GetStrategyStatsAsync(ct),
                await source.GetRecentTradesAsync(20, ct),
                await source.GetStatusAsync(ct))));
        trading.MapGet("/positions", async ([FromServices] ITradingDashboardSource source, CancellationToken ct) => TypedResults.Ok(await source.GetPositionsAsync(ct)));
        trading.MapGet("/account", async ([FromServices] ITradingDashboardSource source, CancellationToken ct) => TypedResults.Ok(await source.GetAccountAsync(ct)));
        trading.MapGet("/strategies", async ([FromServices] ITradingDashboardSource source, CancellationToken ct) => TypedResults.Ok(await source.GetStrategyStatsAsync(ct)));
        trading.MapGet("/status", async ([FromServices] ITradingDashboardSource source, CancellationToken ct) => TypedResults.Ok(await source.GetStatusAsync(ct)));
        trading.MapGet("/equity", async ([FromServices] ITradingDashboardSource source, CancellationToken ct) => TypedResults.Ok(await source.GetEquityCurveAsync(ct)));
        trading.MapGet("/trades", async Task<Results<Ok<IReadOnlyList<TradeView>>, BadRequest<ApiError>>> ([FromServices] ITradingDashboardSource source, int? limit, CancellationToken ct) =>
        {
            var take = limit ?? 20;
            if (take is < 1 or > MaxTrades)
            {
                return TypedResults.BadRequest(new ApiError($"limit must be between 1 and {MaxTrades}"));
            }

            return TypedResults.Ok(await source.GetRecentTradesAsync(take, ct));
        });
        trading.MapGet("/charts", async ([FromServices] ITradingDashboardSource source, CancellationToken ct) => TypedResults.Ok(await source.GetChartCatalogAsync(ct)));
        trading.MapGet("/charts/{symbol}/{timeframe}", GetChartAsync);

        var backtests = api.MapGroup("/backtests");
        backtests.MapGet("", async ([FromServices] ITradingDashboardSource source, CancellationToken ct) => TypedResults.Ok(await source.GetBacktestRunsAsync(ct)));
        backtests.MapGet("/{id}", async Task<Results<Ok<BacktestRunView>, NotFound<ApiError>>> ([FromServices] ITradingDashboardSource source, string id, CancellationToken ct) =>
            await source.GetBacktestRunAsync(id, ct) is { } run
                ? TypedResults.Ok(run)
                : TypedResults.NotFound(new ApiError($"no backtest run with id '{Shorten(id)}'")));
    }

    private static async Task<Results<Ok<CandleChartView>, BadRequest<ApiError>, NotFound<ApiError>>> GetChartAsync(
        [FromServices] ITradingDashboardSource source, string symbol, string timeframe, int? limit, CancellationToken ct)
    {
        var take = limit ?? 300;
        if (take is < 1 or > MaxCandles)
        {
            return TypedResults.BadRequest(new ApiError($"limit must be between 1 and {MaxCandles}"));
        }

        var catalog = await source.GetChartCatalogAsync(ct);
        if (!catalog.Symbols.Contains(symbol, StringComparer.Ordinal))
        {
            return TypedResults.BadRequest(new ApiError($"symbol must be one of: {string.Join(", ", catalog.Symbols)}"));
        }

        if (!catalog.Timeframes.Contains(timeframe, StringComparer.Ordinal))
        {
            return TypedResults.BadRequest(new ApiError($"timeframe must be one of: {string.Join(", ", catalog.Timeframes)}"));
        }

        return await source.GetCandleChartAsync(symbol, timeframe, take, ct) is { } chart
            ? TypedResults.Ok(chart)
            : TypedResults.NotFound(new ApiError($"no candles yet for {symbol} {timeframe}"));
    }

    internal static string Shorten(string value) => value.Length <= 64 ? value : value[..64] + "…";
}

/// <summary>Everything the trading view shows at load, in one request.</summary>
public sealed record TradingSnapshotView(
    IReadOnlyList<PositionView> Positions,
    AccountView Account,
    IReadOnlyList<StrategyStatsView> Strategies,
    IReadOnlyList<TradeView> Trades,
    SystemStatusView Status);
