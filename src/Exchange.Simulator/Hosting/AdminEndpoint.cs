using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using TradingBot.Exchange.Simulator.Venue;

namespace TradingBot.Exchange.Simulator.Hosting;

/// <summary>
/// Loopback-only fault control for manual runs: <c>POST /admin/faults?dropReplies=1&amp;unknown503=1&amp;timeouts=1&amp;rateLimit=3
/// &amp;delayMs=200&amp;skewMs=-2000&amp;duplicate=0.1&amp;reorder=0.1&amp;dropSockets=market&amp;expireListenKeys=true&amp;path=/fapi/v1/order&amp;method=POST&amp;reset=true</c>;
/// <c>POST /admin/price?symbol=BTCUSDT&amp;price=50000</c>.
/// </summary>
internal static class AdminEndpoint
{
    public static async Task HandleAsync(HttpContext context, SimulatedExchange venue)
    {
        var q = context.Request.Query;
        var faults = venue.Faults;
        try
        {
            switch (context.Request.Path.Value)
            {
                case "/admin/faults" when HttpMethods.IsPost(context.Request.Method):
                    if (q["reset"] == "true")
                    {
                        faults.Reset();
                    }

                    if (q.ContainsKey("path"))
                    {
                        faults.OnlyPath = q["path"].ToString();
                    }

                    if (q.ContainsKey("method"))
                    {
                        faults.OnlyMethod = q["method"].ToString();
                    }

                    Apply(q, "dropReplies", faults.DropRepliesAfterExecuting);
                    Apply(q, "unknown503", faults.UnknownErrorAfterExecuting);
                    Apply(q, "timeouts", faults.TimeoutAfterExecuting);
                    Apply(q, "rateLimit", faults.RateLimitBurst);
                    Apply(q, "delayMs", n => faults.ReplyDelay = TimeSpan.FromMilliseconds(n));
                    Apply(q, "skewMs", n => faults.ClockSkew = TimeSpan.FromMilliseconds(n));
                    ApplyDouble(q, "duplicate", p => faults.DuplicateEventProbability = p);
                    ApplyDouble(q, "reorder", p => faults.ReorderEventProbability = p);
                    if (q["dropSockets"].ToString() is { Length: > 0 } path)
                    {
                        faults.DropSockets(path);
                    }

                    if (q["expireListenKeys"] == "true")
                    {
                        faults.ExpireListenKeys();
                    }

                    await Write(context, 200, new JsonObject { ["ok"] = true });
                    return;
                case "/admin/price" when HttpMethods.IsPost(context.Request.Method):
                    venue.PushPrice(q["symbol"].ToString(), decimal.Parse(q["price"].ToString(), CultureInfo.InvariantCulture));
                    await Write(context, 200, new JsonObject { ["ok"] = true });
                    return;
                default:
                    await Write(context, 404, new JsonObject { ["ok"] = false, ["msg"] = "unknown admin route" });
                    return;
            }
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException or Matching.ExchangeRejectedException)
        {
            await Write(context, 400, new JsonObject { ["ok"] = false, ["msg"] = ex.Message });
        }
    }

    private static void Apply(IQueryCollection q, string name, Action<int> apply)
    {
        if (q[name].ToString() is { Length: > 0 } text)
        {
            apply(int.Parse(text, CultureInfo.InvariantCulture));
        }
    }

    private static void ApplyDouble(IQueryCollection q, string name, Action<double> apply)
    {
        if (q[name].ToString() is { Length: > 0 } text)
        {
            apply(double.Parse(text, CultureInfo.InvariantCulture));
        }
    }

    private static Task Write(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString());
    }
}
