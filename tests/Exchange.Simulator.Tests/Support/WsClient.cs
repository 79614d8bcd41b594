using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace TradingBot.Exchange.Simulator.Tests.Support;

/// <summary>Raw WebSocket test client.</summary>
internal sealed class WsClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private int _nextId = 100;

    public WebSocketState State => _socket.State;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public static async Task<WsClient> ConnectAsync(Uri baseUrl, string pathAndQuery)
    {
        var client = new WsClient();
        await client._socket.ConnectAsync(new Uri(baseUrl, pathAndQuery), CancellationToken.None);
        await client.ListAsync(); // the reply proves the URL's subscriptions are registered
        return client;
    }

    public Task SendTextAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    public Task SendBinaryAsync(byte[] data) => _socket.SendAsync(data, WebSocketMessageType.Binary, true, CancellationToken.None);

    /// <summary>Sends LIST_SUBSCRIPTIONS and returns the names (skipping anything received before the reply).</summary>
    public async Task<List<string>> ListAsync(List<JsonNode>? before = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        await SendTextAsync($"{{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":{id}}}");
        while (true)
        {
            var message = await ReceiveAsync() ?? throw new InvalidOperationException("socket closed");
            if (message["id"]?.GetValue<int>() == id && message["result"] is JsonArray names)
            {
                return names.Select(n => n!.GetValue<string>()).ToList();
            }

            before?.Add(message);
        }
    }

    public async Task<JsonNode?> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        using var ms = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer, cts.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            ms.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return JsonNode.Parse(Encoding.UTF8.GetString(ms.ToArray()));
    }

    /// <summary>Receives until <paramref name="count"/> messages matching <paramref name="match"/> arrived.</summary>
    public async Task<List<JsonNode>> CollectAsync(int count, Func<JsonNode, bool>? match = null)
    {
        var list = new List<JsonNode>();
        while (list.Count < count)
        {
            var message = await ReceiveAsync() ?? throw new InvalidOperationException($"socket closed after {list.Count} messages");
            if (match is null || match(message))
            {
                list.Add(message);
            }
        }

        return list;
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", cts.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // Server already gone.
            }
        }

        _socket.Dispose();
    }
}
