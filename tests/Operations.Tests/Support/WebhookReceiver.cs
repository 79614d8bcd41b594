using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TradingBot.Operations.Tests.Support;

/// <summary>How the receiver answers one request.</summary>
internal abstract record Reply
{
    public static Reply Ok { get; } = new Status(204);

    public static Reply ServerError { get; } = new Status(500);

    public static Reply BadRequest { get; } = new Status(400);

    public sealed record Status(int Code) : Reply;

    /// <summary>Discord's 429: JSON body with fractional seconds.</summary>
    public sealed record RateLimitedBody(double RetryAfterSeconds) : Reply;

    /// <summary>A 429 with only the Retry-After header (e.g. from a proxy).</summary>
    public sealed record RateLimitedHeader(int RetryAfterSeconds) : Reply;

    /// <summary>2xx, but the bucket is empty until the reset.</summary>
    public sealed record OkBucketExhausted(double ResetAfterSeconds) : Reply;
}

/// <summary>
/// A Discord-webhook stand-in on 127.0.0.1 (real Kestrel): records every POST and answers from a script
/// (204 when the script is empty).
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Reply> _script = new();
    private readonly List<(string Content, Reply Reply)> _requests = [];
    private readonly object _lock = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WebhookReceiver(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    /// <summary>Contents of the requests answered 2xx, in arrival order.</summary>
    public IReadOnlyList<string> Delivered
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests.Where(r => r.Reply is Reply.Status { Code: >= 200 and < 300 } or Reply.OkBucketExhausted).Select(r => r.Content)];
            }
        }
    }

    /// <summary>Every request's content, including the ones answered with errors.</summary>
    public IReadOnlyList<string> Received
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests.Select(r => r.Content)];
            }
        }
    }

    public string? LastBody { get; private set; }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/api/webhooks/{id}/{token}", receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/api/webhooks/123456/test-token");
        return receiver;
    }

    public void Enqueue(params Reply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }
    }

    /// <summary>Waits (real time, bounded) until <paramref name="count"/> requests were answered 2xx.</summary>
    public async Task WaitForDeliveredAsync(int count, TimeSpan timeout)
    {
        using var guard = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (Delivered.Count >= count)
                {
                    return;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(guard.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        using var json = JsonDocument.Parse(body);
        var content = json.RootElement.GetProperty("content").GetString() ?? string.Empty;
        var reply = _script.TryDequeue(out var scripted) ? scripted : Reply.Ok;
        TaskCompletionSource changed;
        lock (_lock)
        {
            LastBody = body;
            _requests.Add((content, reply));
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        switch (reply)
        {
            case Reply.Status status:
                context.Response.StatusCode = status.Code;
                if (status.Code == 400)
                {
                    await context.Response.WriteAsJsonAsync(new { message = "Invalid Form Body", code = 50035 });
                }

                break;
            case Reply.RateLimitedBody limited:
                context.Response.StatusCode = 429;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(
                    "{\"message\": \"You are being rate limited.\", \"retry_after\": " +
                    limited.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", \"global\": false}");
                break;
            case Reply.RateLimitedHeader limited:
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = limited.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await context.Response.WriteAsync("<html>slow down</html>");
                break;
            case Reply.OkBucketExhausted exhausted:
                context.Response.StatusCode = 204;
                context.Response.Headers["X-RateLimit-Remaining"] = "0";
                context.Response.Headers["X-RateLimit-Reset-After"] = exhausted.ResetAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
        }

        // Record first, answer, then wake waiters: a waiter never sees a request whose reply is not decided.
        changed.TrySetResult();
    }
}
