using System.Net.WebSockets;
using System.Text;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TradingBot.Exchange.Binance.Diagnostics;
using TradingBot.Exchange.Model.Events;
using TradingBot.Exchange.Port;

namespace TradingBot.Exchange.Binance.Streams;

/// <summary>
/// One logical stream over successive <see cref="ClientWebSocket"/> connections: connect, (re)subscribe, receive
/// with a silence watchdog and a proactive rotation timer, reconnect with jittered exponential back-off (≤ 30 s),
/// report state changes, and classify every frame (bad input is counted, never fatal).
/// Events are handed to the subscriber sequentially from the single receive loop.
/// </summary>
internal sealed class ReconnectingSocket : IAsyncDisposable
{
    private readonly StreamKind _kind;
    private readonly BinanceClientOptions _options;
    private readonly TimeProvider _time;
    private readonly StreamCounters _counters;
    private readonly ILogger _logger;
    private readonly TimeSpan? _silenceTimeout;
    private readonly Func<CancellationToken, Task<Uri>> _resolveUri;
    private readonly Func<Func<string, CancellationToken, Task>, CancellationToken, Task> _onOpened;
    private readonly Func<StreamEvent, CancellationToken, ValueTask> _onEvent;
    private readonly StreamEventHandler _handler;
    private readonly ReconnectBackoff _backoff;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private CancellationTokenSource? _connection;
    private string? _abortReason;
    private Task? _run;
    private int _disposed;

    public ReconnectingSocket(
        StreamKind kind,
        BinanceClientOptions options,
        TimeProvider time,
        StreamCounters counters,
        ILogger logger,
        TimeSpan? silenceTimeout,
        Func<CancellationToken, Task<Uri>> resolveUri,
        Func<Func<string, CancellationToken, Task>, CancellationToken, Task> onOpened,
        Func<StreamEvent, CancellationToken, ValueTask> onEvent,
        StreamEventHandler handler)
    {
        _kind = kind;
        _options = options;
        _time = time;
        _counters = counters;
        _logger = logger;
        _silenceTimeout = silenceTimeout;
        _resolveUri = resolveUri;
        _onOpened = onOpened;
        _onEvent = onEvent;
        _handler = handler;
        Stopping = _stop.Token;
        _backoff = new ReconnectBackoff(options.ReconnectInitialDelay, options.ReconnectMaxDelay, options.JitterSeed);
    }

    public CancellationToken Stopping { get; }

    public void Start() => _run = Task.Run(() => RunAsync(_stop.Token));

    /// <summary>Drops the current connection; the loop reconnects.</summary>
    public void RequestReconnect(string reason)
    {
        lock (_gate)
        {
            _abortReason ??= reason;
            _connection?.Cancel();
        }
    }

    /// <summary>Delivers an event to the subscriber; a throwing handler is counted and logged, never fatal.</summary>
    public async ValueTask DeliverAsync(StreamEvent streamEvent, CancellationToken cancellationToken)
    {
        try
        {
            await _handler(streamEvent, cancellationToken).ConfigureAwait(false);
            _counters.Event();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            _counters.HandlerError();
            _logger.LogError(ex, "{Kind} stream handler threw on {Event}", _kind, streamEvent.GetType().Name);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        if (_run is not null)
        {
            try
            {
                await _run.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Expected on stop.
            }
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var attempt = 0;
        while (!stop.IsCancellationRequested)
        {
            if (attempt > 0)
            {
                var delay = _backoff.Next(attempt);
                _counters.Reconnect();
                await DeliverAsync(new StreamStateChanged(_kind, StreamConnectionState.Reconnecting, attempt, _time.GetUtcNow(), null, delay), stop).ConfigureAwait(false);
                await Task.Delay(delay, _time, stop).ConfigureAwait(false);
            }

            var connected = false;
            string reason;
            try
            {
                connected = await RunConnectionAsync(attempt, stop).ConfigureAwait(false);
                reason = TakeAbortReason() ?? "closed by server";
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (OperationCanceledException)
            {
                // Our own abort (rotation, silence watchdog, listen key renewal) or a connect timeout.
                connected = ConnectedFlag;
                reason = TakeAbortReason() ?? "connect timeout";
            }
            catch (Exception ex)
            {
                // Anything else (socket, HTTP, listen key, a bug in a hook) ends this connection, never the stream.
                connected = ConnectedFlag;
                reason = TakeAbortReason() ?? ex.Message;
                _logger.LogWarning(ex, "{Kind} stream failed: {Reason}", _kind, reason);
            }

            if (stop.IsCancellationRequested)
            {
                break;
            }

            if (connected)
            {
                await DeliverAsync(new StreamStateChanged(_kind, StreamConnectionState.Disconnected, attempt, _time.GetUtcNow(), reason), stop).ConfigureAwait(false);
                attempt = 1;
            }
            else
            {
                attempt++;
            }
        }
    }

    private bool ConnectedFlag { get; set; }

    private string? TakeAbortReason()
    {
        lock (_gate)
        {
            var r = _abortReason;
            _abortReason = null;
            return r;
        }
    }

    /// <summary>Runs one connection; returns true if it got connected before ending.</summary>
    private async Task<bool> RunConnectionAsync(int attempt, CancellationToken stop)
    {
        ConnectedFlag = false;

        // Registered before anything else so a reconnect request during URI resolution or the handshake is not lost.
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(stop);
        lock (_gate)
        {
            _connection = connection;
            _abortReason = null;
        }

        using var socket = new ClientWebSocket();
        try
        {
            var uri = await _resolveUri(connection.Token).ConfigureAwait(false);
            socket.Options.KeepAliveInterval = _options.WebSocketKeepAliveInterval;
            using (var connectTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(15), _time))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(connection.Token, connectTimeout.Token))
            {
                await socket.ConnectAsync(uri, linked.Token).ConfigureAwait(false);
            }

            using var rotation = _time.CreateTimer(_ => RequestReconnect("rotation"), null, _options.StreamRotationInterval, Timeout.InfiniteTimeSpan);
            using var sendLock = new SemaphoreSlim(1, 1);
            async Task Send(string text, CancellationToken ct)
            {
                await sendLock.WaitAsync(ct).ConfigureAwait(false);
                try
                {
                    await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, ct).ConfigureAwait(false);
                }
                finally
                {
                    sendLock.Release();
                }
            }

            await _onOpened(Send, connection.Token).ConfigureAwait(false);

            // Armed after the open hook: a long REST back-fill must not count as socket silence.
            using var watchdog = _silenceTimeout is { } silence
                ? _time.CreateTimer(_ => OnSilence(), null, silence, Timeout.InfiniteTimeSpan)
                : null;
            ConnectedFlag = true;
            _logger.LogInformation("{Kind} stream connected to {Uri} (attempt {Attempt})", _kind, Redact(uri), attempt);
            await DeliverAsync(new StreamStateChanged(_kind, StreamConnectionState.Connected, attempt, _time.GetUtcNow(), null), connection.Token).ConfigureAwait(false);
            await ReceiveLoopAsync(socket, watchdog, connection.Token).ConfigureAwait(false);
            return true;
        }
        finally
        {
            lock (_gate)
            {
                _connection = null;
            }

            if (socket.State == WebSocketState.Open)
            {
                try
                {
                    using var closeTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), _time);
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", closeTimeout.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
                {
                    _logger.LogDebug(ex, "{Kind} stream close failed", _kind);
                }
            }
        }
    }

    private void OnSilence()
    {
        _counters.SilenceTimeout();
        _logger.LogWarning("{Kind} stream silent for {Silence}; reconnecting", _kind, _silenceTimeout);
        RequestReconnect("receive silence");
    }

    private async Task ReceiveLoopAsync(ClientWebSocket socket, ITimer? watchdog, CancellationToken token)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        var oversized = false;
        while (!token.IsCancellationRequested)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(), token).ConfigureAwait(false);
            watchdog?.Change(_silenceTimeout!.Value, Timeout.InfiniteTimeSpan);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                lock (_gate)
                {
                    _abortReason ??= $"server closed ({socket.CloseStatus} {socket.CloseStatusDescription})";
                }

                return;
            }

            if (!oversized)
            {
                if (message.Length + result.Count > _options.MaxMessageBytes)
                {
                    oversized = true;
                    message.SetLength(0);
                }
                else
                {
                    message.Write(buffer, 0, result.Count);
                }
            }

            if (!result.EndOfMessage)
            {
                continue;
            }

            var receivedAt = Stopwatch.GetTimestamp();
            _counters.Frame();
            if (oversized)
            {
                _counters.Oversized();
                _logger.LogWarning("{Kind} stream frame above {Limit} bytes discarded", _kind, _options.MaxMessageBytes);
            }
            else
            {
                await HandleFrameAsync(new ReadOnlyMemory<byte>(message.GetBuffer(), 0, (int)message.Length), receivedAt, token).ConfigureAwait(false);
            }

            oversized = false;
            message.SetLength(0);
        }
    }

    private async Task HandleFrameAsync(ReadOnlyMemory<byte> utf8, long receivedAt, CancellationToken token)
    {
        var frame = StreamMessageParser.Parse(utf8);
        switch (frame.Kind)
        {
            case StreamFrameKind.Event:
                await _onEvent(frame.Event!, token).ConfigureAwait(false);
                ExchangeInstruments.StreamEventDelivered(_kind, frame.Event!, receivedAt);
                break;
            case StreamFrameKind.OpenKline:
                _counters.OpenKline();
                break;
            case StreamFrameKind.Ack:
                break;
            case StreamFrameKind.ControlError:
                _counters.ControlError();
                _logger.LogWarning("{Kind} stream control error: {Detail}", _kind, frame.Detail);
                break;
            case StreamFrameKind.UnknownEvent:
                _counters.Unknown();
                _logger.LogDebug("{Kind} stream: unhandled event {Detail}", _kind, frame.Detail);
                break;
            case StreamFrameKind.NonFinite:
                _counters.NonFinite();
                _logger.LogWarning("{Kind} stream: non-finite number dropped: {Detail}", _kind, frame.Detail);
                break;
            default:
                _counters.Malformed();
                _logger.LogWarning("{Kind} stream: malformed frame dropped: {Detail}", _kind, frame.Detail);
                break;
        }
    }

    private static string Redact(Uri uri)
    {
        // Listen keys are credentials-like; keep them out of logs.
        var text = uri.ToString();
        var ws = text.IndexOf("/ws/", StringComparison.Ordinal);
        return ws < 0 ? text : text[..(ws + 4)] + "***";
    }
}
