using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using TradingBot.Exchange.Simulator.Venue;

namespace TradingBot.Exchange.Simulator.Server.Streams;

/// <summary>
/// WebSocket side: accepts /public, /market, /private with /ws/&lt;stream&gt; (raw payloads), /stream?streams=a/b (combined
/// wrapper {"stream","data"}) and SUBSCRIBE/UNSUBSCRIBE/LIST_SUBSCRIPTIONS; fans venue messages out to subscribers.
/// </summary>
public sealed class StreamHub : IStreamSink
{
    private readonly ConcurrentDictionary<StreamConnection, byte> _connections = new();
    private readonly ConcurrentDictionary<(string Path, string Stream), int> _counts = new();
    private readonly StreamOptions _options;

    public StreamHub(StreamOptions options) => _options = options;

    /// <summary>Open connections (for tests and diagnostics).</summary>
    public int ConnectionCount => _connections.Count;

    /// <summary>Number of connections on a path ("market", "public", "private").</summary>
    public int ConnectionsOn(string path) => _connections.Keys.Count(c => c.Path == path);

    /// <summary>Number of (connection, stream) subscriptions on a path.</summary>
    public int SubscriberCount(string path) => _counts.Where(kv => kv.Key.Path == path).Sum(kv => Math.Max(0, kv.Value));

    /// <summary>True when some connection on <paramref name="path"/> listens to <paramref name="stream"/>.</summary>
    public bool HasSubscribers(string path, string stream) => _counts.TryGetValue((path, stream), out var n) && n > 0;

    /// <summary>Sends to every subscriber (serialized once per wrapper style).</summary>
    public void Publish(string path, string stream, JsonObject data)
    {
        if (!HasSubscribers(path, stream))
        {
            return;
        }

        string? raw = null;
        string? combined = null;
        foreach (var connection in _connections.Keys)
        {
            if (connection.Path != path || !connection.IsSubscribed(stream))
            {
                continue;
            }

            if (connection.Combined)
            {
                combined ??= new JsonObject { ["stream"] = stream, ["data"] = data.DeepClone() }.ToJsonString();
                connection.Enqueue(combined);
            }
            else
            {
                raw ??= data.ToJsonString();
                connection.Enqueue(raw);
            }
        }
    }

    /// <summary>Aborts every connection on a path (simulated network drop).</summary>
    public void Drop(string path)
    {
        foreach (var connection in _connections.Keys.Where(c => c.Path == path))
        {
            connection.Abort();
        }
    }

    /// <summary>Handles an upgrade request; returns false when the path is not a stream path.</summary>
    public async Task<bool> TryHandleAsync(HttpContext context, CancellationToken stopping)
    {
        var segments = (context.Request.Path.Value ?? string.Empty).Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var path = "public";
        var index = 0;
        if (segments.Length > 0 && segments[0] is "public" or "market" or "private")
        {
            path = segments[0];
            index = 1;
        }

        if (segments.Length <= index || segments[index] is not ("ws" or "stream"))
        {
            return false;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync("WebSocket upgrade expected.");
            return true;
        }

        var combined = segments[index] == "stream";
        var initial = new List<string>(segments.Skip(index + 1));
        if (context.Request.Query["streams"].ToString() is { Length: > 0 } streams)
        {
            initial.AddRange(streams.Split('/', StringSplitOptions.RemoveEmptyEntries));
        }

        if (context.Request.Query["listenKey"].ToString() is { Length: > 0 } listenKey)
        {
            initial.Add(listenKey);
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            KeepAliveInterval = _options.PingInterval,
            KeepAliveTimeout = _options.PongTimeout,
        });
        var connection = new StreamConnection(socket, this, _options, path, combined);
        _connections[connection] = 0;
        try
        {
            foreach (var stream in initial)
            {
                Subscribe(connection, Normalize(path, stream));
            }

            await connection.RunAsync(stopping);
        }
        finally
        {
            _connections.TryRemove(connection, out _);
            foreach (var stream in connection.Streams())
            {
                _counts.AddOrUpdate((path, stream), 0, (_, n) => n - 1);
            }
        }

        return true;
    }

    internal string Normalize(string path, string stream) => path == "private" ? stream : stream.ToLowerInvariant();

    internal void Subscribe(StreamConnection connection, string stream)
    {
        if (connection.Add(stream))
        {
            _counts.AddOrUpdate((connection.Path, stream), 1, (_, n) => n + 1);
        }
    }

    internal void Unsubscribe(StreamConnection connection, string stream)
    {
        if (connection.Remove(stream))
        {
            _counts.AddOrUpdate((connection.Path, stream), 0, (_, n) => n - 1);
        }
    }
}
