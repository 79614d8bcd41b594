using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace TradingBot.Exchange.Simulator.Server.Streams;

/// <summary>One client WebSocket: its path ("market"/"public"/"private"), wrapper style and subscriptions.</summary>
internal sealed class StreamConnection
{
    private readonly WebSocket _socket;
    private readonly StreamHub _hub;
    private readonly StreamOptions _options;
    private readonly Channel<Outgoing> _outbox = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HashSet<string> _streams = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _closing = new();
    private int _pending;
    private int _closeRequested;

    public StreamConnection(WebSocket socket, StreamHub hub, StreamOptions options, string path, bool combined)
    {
        _socket = socket;
        _hub = hub;
        _options = options;
        Path = path;
        Combined = combined;
    }

    public string Path { get; }

    public bool Combined { get; }

    public bool IsSubscribed(string stream)
    {
        lock (_gate)
        {
            return _streams.Contains(stream);
        }
    }

    public IReadOnlyList<string> Streams()
    {
        lock (_gate)
        {
            return [.. _streams];
        }
    }

    public bool Add(string stream)
    {
        lock (_gate)
        {
            return _streams.Count < _options.MaxStreamsPerConnection && _streams.Add(stream);
        }
    }

    public bool Remove(string stream)
    {
        lock (_gate)
        {
            return _streams.Remove(stream);
        }
    }

    public void Enqueue(string text)
    {
        if (Interlocked.Increment(ref _pending) > _options.MaxPendingMessages)
        {
            Abort();
            return;
        }

        _outbox.Writer.TryWrite(new Outgoing(text, WebSocketCloseStatus.Empty, string.Empty));
    }

    /// <summary>Cuts the connection without a close handshake (socket drop).</summary>
    public void Abort()
    {
        _outbox.Writer.TryComplete();
        _closing.Cancel();
        _socket.Abort();
    }

    public async Task RunAsync(CancellationToken stopping)
    {
        using var lifetime = new CancellationTokenSource(_options.MaxConnectionLifetime);
        using var lifetimeRegistration = lifetime.Token.Register(() => RequestClose(WebSocketCloseStatus.NormalClosure, "connection lifetime reached"));
        using var stopRegistration = stopping.Register(Abort);
        var sending = SendLoopAsync(_closing.Token);
        try
        {
            await ReceiveLoopAsync(_closing.Token);
        }
        catch (OperationCanceledException)
        {
            // Aborted, or the peer never answered our close.
        }
        catch (WebSocketException)
        {
            // Peer vanished.
        }
        finally
        {
            _outbox.Writer.TryComplete();
            await sending;
        }
    }

    /// <summary>Queues a close frame behind the pending messages; the receive side stops waiting after a grace period.</summary>
    public void RequestClose(WebSocketCloseStatus status, string reason)
    {
        if (Interlocked.Exchange(ref _closeRequested, 1) == 1)
        {
            return;
        }

        _outbox.Writer.TryWrite(new Outgoing(null, status, reason));
        _closing.CancelAfter(TimeSpan.FromSeconds(2));
    }

    private async Task SendLoopAsync(CancellationToken token)
    {
        try
        {
            await foreach (var item in _outbox.Reader.ReadAllAsync(token))
            {
                if (item.Text is null)
                {
                    await _socket.CloseOutputAsync(item.Status, item.Reason, token);
                    return;
                }

                Interlocked.Decrement(ref _pending);
                await _socket.SendAsync(Encoding.UTF8.GetBytes(item.Text), WebSocketMessageType.Text, true, token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // Connection over.
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken token)
    {
        var buffer = new byte[16 * 1024];
        var windowStart = Environment.TickCount64;
        var inWindow = 0;
        while (_socket.State is WebSocketState.Open or WebSocketState.CloseSent)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await _socket.ReceiveAsync(buffer, token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    RequestClose(WebSocketCloseStatus.NormalClosure, "bye");
                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (message.Length > 64 * 1024)
                {
                    RequestClose(WebSocketCloseStatus.MessageTooBig, "message too big");
                    message.SetLength(0);
                }
            }
            while (!result.EndOfMessage);

            if (Volatile.Read(ref _closeRequested) == 1)
            {
                continue;
            }

            var now = Environment.TickCount64;
            if (now - windowStart >= 1000)
            {
                windowStart = now;
                inWindow = 0;
            }

            if (++inWindow > _options.MaxIncomingMessagesPerSecond)
            {
                RequestClose(WebSocketCloseStatus.PolicyViolation, "Too many messages");
                continue;
            }

            var reply = result.MessageType == WebSocketMessageType.Binary
                ? Error(3, "Invalid JSON: binary frames are not accepted", null)
                : Handle(Encoding.UTF8.GetString(message.ToArray()));
            Enqueue(reply.ToJsonString());
        }
    }

    private JsonObject Handle(string text)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            return Error(3, "Invalid JSON: " + ex.Message, null);
        }

        if (node is not JsonObject request)
        {
            return Error(2, "Invalid request: expected an object", null);
        }

        var id = request["id"]?.DeepClone();
        if (id is not null && id.GetValueKind() is not (JsonValueKind.Number or JsonValueKind.String))
        {
            return Error(1, "Invalid value type: expected a number or string id", null);
        }

        var method = request["method"] is JsonValue m && m.TryGetValue<string>(out var name) ? name : null;
        switch (method)
        {
            case "SUBSCRIBE":
            case "UNSUBSCRIBE":
                if (request["params"] is not JsonArray items || items.Any(p => p is not JsonValue v || !v.TryGetValue<string>(out _)))
                {
                    return Error(2, "Invalid request: 'params' must be a list of stream names", id);
                }

                foreach (var item in items)
                {
                    var stream = _hub.Normalize(Path, item!.GetValue<string>());
                    if (method == "SUBSCRIBE")
                    {
                        _hub.Subscribe(this, stream);
                    }
                    else
                    {
                        _hub.Unsubscribe(this, stream);
                    }
                }

                return new JsonObject { ["result"] = null, ["id"] = id };
            case "LIST_SUBSCRIPTIONS":
                return new JsonObject { ["result"] = new JsonArray([.. Streams().Select(s => JsonValue.Create(s))]), ["id"] = id };
            default:
                return Error(2, "Invalid request: unknown method", id);
        }
    }

    private static JsonObject Error(int code, string msg, JsonNode? id) =>
        new() { ["error"] = new JsonObject { ["code"] = code, ["msg"] = msg }, ["id"] = id };

    /// <summary>A queued text message, or (Text null) a close frame.</summary>
    private readonly record struct Outgoing(string? Text, WebSocketCloseStatus Status, string Reason);
}
