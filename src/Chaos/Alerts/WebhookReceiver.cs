using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TradingBot.Chaos.Alerts;

/// <summary>
/// A Discord-like webhook on 127.0.0.1: records every message it accepts (204) and, from its own seeded random
/// source, sometimes answers 429 with <c>retry_after</c> or 500 without recording; during an outage it answers 503
/// to everything. A message is "delivered" exactly when it was recorded.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<ReceivedAlert> _received = [];
    private readonly Random _random;
    private readonly double _rateLimitProbability;
    private readonly double _errorProbability;
    private long _refused;
    private volatile bool _outage;

    private WebhookReceiver(WebApplication app, int seed, double rateLimitProbability, double errorProbability)
    {
        _app = app;
        _random = new Random(seed);
        _rateLimitProbability = rateLimitProbability;
        _errorProbability = errorProbability;
    }

    public Uri Url { get; private set; } = null!;

    /// <summary>True: every request is answered 503 (Discord down).</summary>
    public bool Outage
    {
        get => _outage;
        set => _outage = value;
    }

    /// <summary>Requests answered 429/500/503 (not recorded).</summary>
    public long Refused => Interlocked.Read(ref _refused);

    public IReadOnlyList<ReceivedAlert> Received
    {
        get
        {
            lock (_gate)
            {
                return _received.ToArray();
            }
        }
    }

    public static async Task<WebhookReceiver> StartAsync(int seed, double rateLimitProbability, double errorProbability)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, seed, rateLimitProbability, errorProbability);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(new Uri(address), "/api/webhooks/chaos/token");
        return receiver;
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
        int answer;
        lock (_gate)
        {
            var roll = _random.NextDouble();
            answer = _outage ? 503 : roll < _rateLimitProbability ? 429 : roll < _rateLimitProbability + _errorProbability ? 500 : 204;
        }

        if (answer != 204)
        {
            Interlocked.Increment(ref _refused);
            context.Response.StatusCode = answer;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer == 429 ? """{"message":"You are being rate limited.","retry_after":0.2,"global":false}""" : """{"message":"chaos"}""");
            return;
        }

        string content;
        try
        {
            using var json = JsonDocument.Parse(body);
            content = json.RootElement.GetProperty("content").GetString() ?? "";
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            context.Response.StatusCode = 400;
            return;
        }

        lock (_gate)
        {
            _received.Add(new ReceivedAlert(content, DateTimeOffset.UtcNow));
        }

        context.Response.StatusCode = 204;
    }
}
