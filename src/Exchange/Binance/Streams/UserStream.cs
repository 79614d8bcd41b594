using System.Globalization;
using Microsoft.Extensions.Logging;
using TradingBot.Exchange.Binance.Rest;
using TradingBot.Exchange.Model.Events;
using TradingBot.Exchange.Port;

namespace TradingBot.Exchange.Binance.Streams;

/// <summary>
/// User data stream on /private: creates the listen key, keeps it alive (PUT every 30 min), and on -1125 or a
/// listenKeyExpired event creates a new key and reconnects. The consumer reconciles over REST after every
/// reconnect (it sees <see cref="StreamStateChanged"/>), because events in the gap are lost.
/// </summary>
internal sealed class UserStream : IAsyncDisposable
{
    private readonly BinanceRestTransport _rest;
    private readonly BinanceClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ReconnectingSocket _socket;
    private readonly Lock _gate = new();
    private string? _listenKey;
    private Task? _keepAlive;
    private int _subscribeId;
    private int _disposed;

    public UserStream(
        StreamEventHandler handler,
        BinanceRestTransport rest,
        BinanceClientOptions options,
        TimeProvider time,
        StreamCounters counters,
        ILogger logger)
    {
        _rest = rest;
        _options = options;
        _time = time;
        _logger = logger;
        _socket = new ReconnectingSocket(
            StreamKind.User,
            options,
            time,
            counters,
            logger,
            options.UserSilenceTimeout,
            ResolveUriAsync,
            OnOpenedAsync,
            OnEventAsync,
            handler);
    }

    /// <summary>The key in use (null before the first connect or after invalidation).</summary>
    public string? ListenKey
    {
        get
        {
            lock (_gate)
            {
                return _listenKey;
            }
        }
    }

    public void Start()
    {
        _socket.Start();
        _keepAlive = Task.Run(() => KeepAliveLoopAsync(_socket.Stopping));
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _socket.DisposeAsync().ConfigureAwait(false);
        if (_keepAlive is not null)
        {
            try
            {
                await _keepAlive.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Expected on stop.
            }
        }

        var key = ListenKey;
        if (key is not null)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5), _time);
                await _rest.SendAsync(Endpoints.ListenKeyDelete, [], timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ExchangeException or OperationCanceledException)
            {
                _logger.LogDebug(ex, "listenKey delete failed (it expires on its own)");
            }
        }
    }

    private async Task<Uri> ResolveUriAsync(CancellationToken cancellationToken)
    {
        var key = ListenKey;
        if (key is null)
        {
            var reply = await _rest.SendAsync(Endpoints.ListenKeyCreate, [], cancellationToken).ConfigureAwait(false);
            key = ParseListenKey(reply);
            lock (_gate)
            {
                _listenKey = key;
            }
        }

        return _options.UserStreamMode == UserStreamConnectMode.Path
            ? StreamUris.UserPath(_options.Environment, key)
            : StreamUris.UserSubscribe(_options.Environment);
    }

    private static string ParseListenKey(System.Text.Json.JsonElement reply)
    {
        try
        {
            return RestParsers.ListenKey(reply);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException)
        {
            // Same contract as every other REST call: a reply we cannot read is a protocol error, not a crash type.
            throw new ExchangeProtocolException($"listenKey reply: {ex.Message}", ex);
        }
    }

    private async Task OnOpenedAsync(Func<string, CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        if (_options.UserStreamMode == UserStreamConnectMode.Subscribe && ListenKey is { } key)
        {
            var id = Interlocked.Increment(ref _subscribeId).ToString(CultureInfo.InvariantCulture);
            var escaped = System.Text.Json.JsonEncodedText.Encode(key).ToString();
            await send($"{{\"method\":\"SUBSCRIBE\",\"params\":[\"{escaped}\"],\"id\":{id}}}", cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask OnEventAsync(StreamEvent streamEvent, CancellationToken cancellationToken)
    {
        await _socket.DeliverAsync(streamEvent, cancellationToken).ConfigureAwait(false);
        if (streamEvent is ListenKeyExpired expired)
        {
            var current = ListenKey;
            if (current is null || expired.ListenKey.Length == 0 || string.Equals(expired.ListenKey, current, StringComparison.Ordinal))
            {
                Invalidate("listenKeyExpired");
            }
        }
    }

    private void Invalidate(string reason)
    {
        lock (_gate)
        {
            _listenKey = null;
        }

        _logger.LogWarning("User stream: listen key invalid ({Reason}); creating a new one and reconnecting", reason);
        _socket.RequestReconnect(reason);
    }

    private async Task KeepAliveLoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await Task.Delay(_options.ListenKeyKeepAliveInterval, _time, stop).ConfigureAwait(false);
            if (ListenKey is null)
            {
                continue;
            }

            try
            {
                await _rest.SendAsync(Endpoints.ListenKeyKeepAlive, [], stop).ConfigureAwait(false);
            }
            catch (ExchangeException ex) when (ex.Code == -1125)
            {
                Invalidate("keep-alive -1125");
            }
            catch (ExchangeException ex)
            {
                _logger.LogWarning(ex, "listenKey keep-alive failed; retrying next period");
            }
        }
    }
}
