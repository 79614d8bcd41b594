using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using TradingBot.Exchange.Simulator.Faults;
using TradingBot.Exchange.Simulator.Matching;
using TradingBot.Exchange.Simulator.Server.Json;
using TradingBot.Exchange.Simulator.Venue;

namespace TradingBot.Exchange.Simulator.Server.Rest;

/// <summary>
/// The request pipeline in Binance's order: route → rate limiter (headers on every reply, 429/418) → API key →
/// signature over raw query + raw body → timestamp window → parameter validation and business rules (inside the route)
/// → execute → fault injection on the reply.
/// </summary>
internal sealed class RestPipeline(SimulatedExchange venue, RestApi api, RateLimiter limiter, ILogger logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var path = request.Path.Value ?? string.Empty;
        var method = request.Method;
        var faults = venue.Faults;
        var faulty = faults.Matches(method, path);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var executed = false;
        var aborted = false;
        try
        {
            venue.Housekeep();
            var endpoint = api.Find(method, path);
            if (endpoint is null)
            {
                await WriteAsync(response, api.KnowsPath(path) ? 405 : 404, JsonShapes.CodeMsg(-1000, api.KnowsPath(path) ? "Method not allowed." : "Path not found."));
                return;
            }

            var rawQuery = request.QueryString.HasValue ? request.QueryString.Value![1..] : string.Empty;
            var rawBody = await ReadBodyAsync(request);
            foreach (var pair in QueryHelpers.ParseQuery(rawBody))
            {
                values[pair.Key] = pair.Value.ToString();
            }

            foreach (var pair in QueryHelpers.ParseQuery(rawQuery))
            {
                values[pair.Key] = pair.Value.ToString();
            }

            var apiKey = request.Headers["X-MBX-APIKEY"].ToString();
            var now = venue.ServerNow;
            var call = new ApiRequest(values, apiKey, now.ToUnixTimeMilliseconds());

            var decision = limiter.Charge(venue.Options.ServerClock.GetUtcNow(), endpoint.Weight(call), endpoint.CountsAsOrder && apiKey.Length > 0 ? apiKey : null, faulty && faults.TakeRateLimit());
            response.Headers["X-MBX-USED-WEIGHT-1M"] = decision.UsedWeight.ToString(CultureInfo.InvariantCulture);
            if (endpoint.CountsAsOrder)
            {
                response.Headers["X-MBX-ORDER-COUNT-10S"] = decision.Orders10s.ToString(CultureInfo.InvariantCulture);
                response.Headers["X-MBX-ORDER-COUNT-1M"] = decision.Orders1m.ToString(CultureInfo.InvariantCulture);
            }

            if (decision.Status != 200)
            {
                response.Headers.RetryAfter = decision.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                var message = decision.Status == 418
                    ? $"Way too many requests; IP banned until {now.AddSeconds(decision.RetryAfterSeconds).ToUnixTimeMilliseconds()}. Please use the websocket for live updates to avoid bans."
                    : $"Too many requests; current limit is {limiter.Options.WeightPerMinute} requests per minute. Please use the websocket for live updates to avoid polling the API.";
                await WriteAsync(response, decision.Status, JsonShapes.CodeMsg(-1003, message));
                return;
            }

            Authenticate(endpoint, call, rawQuery, rawBody, now);
            var result = endpoint.Handler(call);
            executed = true;
            faults.NotifyExecuted(new RequestObservation(method, path, values, Executed: true, Status: 200));

            // A slow backend: the request is executed now, the reply comes late (even if the caller gave up).
            if (faulty && faults.ReplyDelay > TimeSpan.Zero)
            {
                await Task.Delay(faults.ReplyDelay, CancellationToken.None);
            }
            if (faulty && faults.TakeDropReply())
            {
                aborted = true;
                context.Abort();
                return;
            }

            if (faulty && faults.TakeUnknown503())
            {
                await WriteAsync(response, 503, JsonShapes.CodeMsg(-1000, "Unknown error, please check your request or try again later."));
                return;
            }

            if (faulty && faults.TakeTimeout())
            {
                await WriteAsync(response, 408, JsonShapes.CodeMsg(-1007, "Timeout waiting for response from backend server. Send status unknown; execution status unknown."));
                return;
            }

            await WriteAsync(response, 200, result);
        }
        catch (ExchangeRejectedException ex)
        {
            await WriteAsync(response, ex.HttpStatus, JsonShapes.CodeMsg(ex.Code, ex.Message));
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // Client went away.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogError(ex, "Unhandled error for {Method} {Path}", method, path);
            if (!response.HasStarted)
            {
                await WriteAsync(response, 500, JsonShapes.CodeMsg(-1000, "An unknown error occured while processing the request."));
            }
        }
        finally
        {
            faults.NotifyCompleted(new RequestObservation(method, path, values, executed, aborted || context.RequestAborted.IsCancellationRequested ? 0 : response.StatusCode));
        }
    }

    private void Authenticate(Endpoint endpoint, ApiRequest call, string rawQuery, string rawBody, DateTimeOffset now)
    {
        if (endpoint.Security == Security.None)
        {
            return;
        }

        if (call.ApiKey.Length == 0)
        {
            throw new ExchangeRejectedException(-2014, "API-key format invalid.", 401);
        }

        if (!venue.Engine.TryGetSecret(call.ApiKey, out var secret))
        {
            throw new ExchangeRejectedException(-2015, "Invalid API-key, IP, or permissions for action.", 401);
        }

        if (endpoint.Security != Security.Signed)
        {
            return;
        }

        // totalParams = raw query + raw body, minus the signature parameter wherever it was sent.
        string payload;
        var signature = RequestSignature.Extract(rawQuery, out var queryWithout);
        if (signature is not null)
        {
            payload = queryWithout + rawBody;
        }
        else
        {
            signature = RequestSignature.Extract(rawBody, out var bodyWithout) ?? throw Errors.Mandatory("signature");
            payload = rawQuery + bodyWithout;
        }

        if (!RequestSignature.Verify(secret, payload, signature))
        {
            throw new ExchangeRejectedException(-1022, "Signature for this request is not valid.");
        }

        var timestamp = call.OptionalLong("timestamp") ?? throw Errors.Mandatory("timestamp");
        var recvWindow = call.OptionalLong("recvWindow") ?? 5000;
        if (recvWindow is <= 0 or > 60_000)
        {
            throw new ExchangeRejectedException(-1131, "recvWindow must be less than 60000");
        }

        var server = now.ToUnixTimeMilliseconds();
        if (timestamp >= server + 1000 || server - timestamp > recvWindow)
        {
            throw new ExchangeRejectedException(-1021, "Timestamp for this request is outside of the recvWindow.");
        }
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength is 0 || !(request.Method is "POST" or "PUT" or "DELETE"))
        {
            return string.Empty;
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        return body.Length > 65_536 ? throw new ExchangeRejectedException(-1104, "Too many parameters sent for this endpoint.") : body;
    }

    internal static async Task WriteAsync(HttpResponse response, int status, JsonNode body)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        await response.WriteAsync(body.ToJsonString());
    }
}
