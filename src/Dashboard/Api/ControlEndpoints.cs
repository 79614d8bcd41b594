using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TradingBot.Dashboard.Audit;
using TradingBot.Dashboard.Ports;
using TradingBot.Dashboard.Ports.Control;
using TradingBot.Dashboard.Ports.Trading;

namespace TradingBot.Dashboard.Api;

/// <summary>
/// Control endpoints under <c>/api/control</c> (PRD §5.4.3, §5.6). Each one validates, calls
/// <see cref="IBotControl"/>, writes an audit row with the outcome, and answers 200 (done),
/// 400 (bad input), 409 (the bot refused) or 500 (the bot threw).
/// </summary>
internal static class ControlEndpoints
{
    public static void MapControlEndpoints(this RouteGroupBuilder api)
    {
        var control = api.MapGroup("/control");
        control.MapPost("/start", (HttpContext context, [FromServices] IBotControl bot) => RunAsync(context, "control.start", "", ct => bot.StartAsync(ct)));
        control.MapPost("/stop", (HttpContext context, [FromServices] IBotControl bot) => RunAsync(context, "control.stop", "", ct => bot.StopAsync(ct)));
        control.MapPost("/close-all", (HttpContext context, [FromServices] IBotControl bot) => RunAsync(context, "control.close-all", "", ct => bot.CloseAllPositionsAsync(ct)));
        control.MapPut("/entries", async Task<IResult> (HttpContext context, [FromServices] IBotControl bot, EntriesRequest? request) =>
        {
            if (request?.Allowed is not { } allowed)
            {
                return Invalid(context, "control.entries", "", "body must be {\"allowed\": true|false}");
            }

            return await RunAsync(context, "control.entries", allowed ? "allowed=true" : "allowed=false", ct => bot.SetEntriesAllowedAsync(allowed, ct));
        });
        control.MapPut("/strategies/{strategy}", async Task<IResult> (HttpContext context, [FromServices] IBotControl bot, [FromServices] ITradingDashboardSource source, string strategy, StrategyToggleRequest? request) =>
        {
            var known = (await source.GetStrategyStatsAsync(context.RequestAborted)).Select(s => s.Strategy).ToArray();
            var shown = TradingEndpoints.Shorten(strategy);
            if (!known.Contains(strategy, StringComparer.Ordinal))
            {
                return Invalid(context, "control.strategy", $"strategy={shown}", $"strategy must be one of: {string.Join(", ", known)}");
            }

            if (request?.Enabled is not { } enabled)
            {
                return Invalid(context, "control.strategy", $"strategy={shown}", "body must be {\"enabled\": true|false}");
            }

            return await RunAsync(context, "control.strategy", $"strategy={strategy} enabled={(enabled ? "true" : "false")}", ct => bot.SetStrategyEnabledAsync(strategy, enabled, ct));
        });
        control.MapGet("/parameters", async ([FromServices] IBotControl bot, CancellationToken ct) => TypedResults.Ok(await bot.GetParametersAsync(ct)));
        control.MapPut("/parameters", SetParametersAsync);
    }

    private static async Task<IResult> SetParametersAsync(HttpContext context, [FromServices] IBotControl bot, AuditRecorder audit, ILogger<ControlRequestsLog> logger, IDashboardNotifier notifier, ParametersRequest? request)
    {
        const string Action = "control.parameters";
        if (request?.Values is not { Count: > 0 and <= ParameterValidator.MaxValues } submitted)
        {
            return Invalid(context, Action, "", $"body must be {{\"values\": {{\"key\": number, ...}}}} with 1 to {ParameterValidator.MaxValues} keys");
        }

        var current = await bot.GetParametersAsync(context.RequestAborted);
        var (values, errors) = ParameterValidator.Validate(submitted, current);
        var detail = JsonSerializer.Serialize(submitted.ToDictionary(p => TradingEndpoints.Shorten(p.Key), p => TradingEndpoints.Shorten(p.Value.GetRawText())));
        if (errors.Count > 0)
        {
            audit.Record(context, Action, detail, "invalid: " + string.Join("; ", errors.Select(e => e.Message)));
            return TypedResults.BadRequest(new ParameterErrorsView("invalid parameter values", errors));
        }

        try
        {
            var result = await bot.SetOperationalParametersAsync(values, CancellationToken.None);
            if (!result.Applied)
            {
                audit.Record(context, Action, detail, "invalid: " + string.Join("; ", result.Errors.Select(e => e.Message)));
                return TypedResults.BadRequest(new ParameterErrorsView("invalid parameter values", result.Errors));
            }

            audit.Record(context, Action, detail, "ok");
            notifier.Changed(DashboardTopic.Parameters);
            return TypedResults.Ok(result.Current);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Dashboard control action {Action} failed", Action);
            audit.Record(context, Action, detail, "error: " + exception.GetType().Name);
            return TypedResults.Json(new ApiError("the bot failed to apply the parameters; see the log"), statusCode: StatusCodes.Status500InternalServerError);
        }
    }

    private static async Task<IResult> RunAsync(HttpContext context, string action, string detail, Func<CancellationToken, ValueTask<ControlResult>> command)
    {
        var audit = context.RequestServices.GetRequiredService<AuditRecorder>();
        try
        {
            // Not the request's token: once the operator pressed the button the action must not be torn by a closed tab.
            var result = await command(CancellationToken.None);
            audit.Record(context, action, detail, result.Succeeded ? "ok" : "refused: " + result.Message);
            return result.Succeeded ? TypedResults.Ok(result) : TypedResults.Conflict(result);
        }
        catch (Exception exception)
        {
            context.RequestServices.GetRequiredService<ILogger<ControlRequestsLog>>().LogError(exception, "Dashboard control action {Action} failed", action);
            audit.Record(context, action, detail, "error: " + exception.GetType().Name);
            return TypedResults.Json(new ApiError($"{action} failed inside the bot; see the log"), statusCode: StatusCodes.Status500InternalServerError);
        }
    }

    private static IResult Invalid(HttpContext context, string action, string detail, string message)
    {
        context.RequestServices.GetRequiredService<AuditRecorder>().Record(context, action, detail, "invalid: " + message);
        return TypedResults.BadRequest(new ApiError(message));
    }
}

/// <summary>Logger category for control failures.</summary>
internal sealed class ControlRequestsLog;
