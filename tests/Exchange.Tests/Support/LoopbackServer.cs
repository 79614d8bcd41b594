using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TradingBot.Exchange.Tests.Support;

/// <summary>
/// A tiny Kestrel host on 127.0.0.1:random for stream tests: scripted WebSocket endpoints and REST replies.
/// Each accepted WebSocket is handed to the script registered for its path, with a connection index.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _http = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<WebSocket, HttpContext, int, Task>> _sockets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _connectionCounts = new(StringComparer.Ordinal);

    private LoopbackServer(WebApplication app) => _app = app;

    public Uri HttpBase { get; private set; } = null!;

    public Uri WsBase { get; private set; } = null!;

    public ConcurrentQueue<string> RequestLog { get; } = new();

    public static async Task<LoopbackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LoopbackServer(app);
        app.UseWebSockets();
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Urls.First();
        server.HttpBase = new Uri(address);
        server.WsBase = new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal));
        return server;
    }

    public void OnHttp(string method, string path, Func<HttpContext, Task> handler) => _http[method + " " + path] = handler;

    public void OnJson(string method, string path, Func<HttpContext, string> body) =>
        OnHttp(method, path, ctx =>
        {
            ctx.Response.ContentType = "application/json";
            return ctx.Response.WriteAsync(body(ctx));
        });

    public void OnSocket(string path, Func<WebSocket, HttpContext, int, Task> script) => _sockets[path] = script;

    public int Connections(string path) => _connectionCounts.GetValueOrDefault(path);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public static Task SendAsync(WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    public static async Task<string?> ReceiveTextAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        using var ms = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            ms.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(ms.ToArray());
            }
        }
    }

    /// <summary>Holds a connection open until the client goes away (returns when it closes or the host stops).</summary>
    public static async Task DrainAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        try
        {
            while (await ReceiveTextAsync(socket, cancellationToken) is not null)
            {
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Client gone.
        }
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value ?? "";
        RequestLog.Enqueue($"{ctx.Request.Method} {path}{ctx.Request.QueryString}");
        if (ctx.WebSockets.IsWebSocketRequest)
        {
            var script = _sockets.Where(kv => path.StartsWith(kv.Key, StringComparison.Ordinal)).Select(kv => kv.Value).FirstOrDefault();
            if (script is null)
            {
                ctx.Response.StatusCode = 404;
                return;
            }

            var index = _connectionCounts.AddOrUpdate(path.StartsWith("/private/ws/", StringComparison.Ordinal) ? "/private/ws/" : path, 1, (_, n) => n + 1) - 1;
            using var socket = await ctx.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { KeepAliveInterval = TimeSpan.FromMilliseconds(50), KeepAliveTimeout = TimeSpan.FromSeconds(2) });
            try
            {
                await script(socket, ctx, index);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // Script ended by the client going away.
            }

            return;
        }

        if (_http.TryGetValue(ctx.Request.Method + " " + path, out var handler))
        {
            await handler(ctx);
            return;
        }

        ctx.Response.StatusCode = 404;
        await ctx.Response.WriteAsync("{\"code\":-1000,\"msg\":\"no route\"}");
    }
}
