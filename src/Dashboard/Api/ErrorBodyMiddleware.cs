using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace TradingBot.Dashboard.Api;

/// <summary>
/// Every refused request gets a body a person can act on (<see cref="ApiError"/>): request-binding failures
/// (malformed JSON, wrong content type, body too large — thrown because <c>ThrowOnBadRequest</c> is on) become
/// their 4xx with the reason, and 4xx/5xx answers that carry no body yet (401 from the session check, 404, 405,
/// 415) get a standard message. Without it the framework answers those with an empty body.
/// </summary>
internal sealed class ErrorBodyMiddleware(RequestDelegate next, ILogger<ErrorBodyMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (UnsupportedCharset(context.Request) is { } charset)
        {
            // System.Text.Json cannot transcode an unknown charset and the binder would fail with a 500.
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            await context.Response.WriteAsJsonAsync(new ApiError($"charset '{TradingEndpoints.Shorten(charset)}' is not supported: send UTF-8 JSON"), context.RequestAborted);
            return;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            logger.LogDebug(exception, "Refused {Method} {Path}: {Reason}", context.Request.Method, context.Request.Path, exception.Message);
            context.Response.Clear();
            context.Response.StatusCode = exception.StatusCode;
            await context.Response.WriteAsJsonAsync(new ApiError(Describe(exception)), context.RequestAborted);
            return;
        }

        // Not started = not a byte of body written yet (Kestrel starts the response on the first write), even when a
        // handler already set a Content-Type (SignalR's 405 does).
        var response = context.Response;
        if (response.HasStarted || response.StatusCode < 400 || HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        response.ContentLength = null;
        response.ContentType = null;
        await response.WriteAsJsonAsync(new ApiError(MessageFor(context.Request, response.StatusCode)), context.RequestAborted);
    }

    private static string? UnsupportedCharset(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.Charset.HasValue)
        {
            return null;
        }

        var charset = type.Charset.Value!.Trim('"', ' ');
        return charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase) ? null : charset;
    }

    private static string Describe(BadHttpRequestException exception) => exception.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => "request body too large",
        StatusCodes.Status415UnsupportedMediaType => "send the body as application/json",
        _ when exception.InnerException is JsonException json => $"{exception.Message} {json.Message}",
        _ => exception.Message,
    };

    private static string MessageFor(HttpRequest request, int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "sign in first: POST /auth/login with the dashboard password",
        StatusCodes.Status403Forbidden => "this session may not do that",
        StatusCodes.Status404NotFound => $"nothing at {request.Method} {TradingEndpoints.Shorten(request.Path.Value ?? "/")}",
        StatusCodes.Status405MethodNotAllowed => $"{request.Method} is not allowed on {TradingEndpoints.Shorten(request.Path.Value ?? "/")}",
        StatusCodes.Status415UnsupportedMediaType => "send the body as application/json",
        _ => ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase.ToLowerInvariant() : $"request refused ({status})",
    };
}
