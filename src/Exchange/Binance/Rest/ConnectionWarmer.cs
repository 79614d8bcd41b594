using Microsoft.Extensions.Logging;
using TradingBot.Exchange.Port;

namespace TradingBot.Exchange.Binance.Rest;

/// <summary>
/// Sends GET /fapi/v1/ping when the REST connection has been idle for <see cref="BinanceClientOptions.KeepWarmInterval"/>,
/// so the pooled keep-alive connection survives quiet hours and the next order does not wait for a new TCP + TLS
/// handshake (tens to hundreds of ms to Binance; the bot may be quiet for hours between entries). Wall-clock on
/// purpose: the pool's idle timeout is wall-clock, whatever the injected market clock does.
/// </summary>
internal sealed class ConnectionWarmer : IAsyncDisposable
{
    private readonly BinanceRestTransport _rest;
    private readonly TimeSpan _interval;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ConnectionWarmer(BinanceRestTransport rest, TimeSpan interval, ILogger logger)
    {
        _rest = rest;
        _interval = interval;
        _logger = logger;
        _loop = interval > TimeSpan.Zero ? Task.Run(() => RunAsync(_stop.Token)) : Task.CompletedTask;
    }

    /// <summary>Pings sent so far.</summary>
    public long Pings { get; private set; }

    /// <summary>How long the pool should keep an idle connection: comfortably longer than the ping interval.</summary>
    public static TimeSpan PoolIdleTimeout(TimeSpan interval) =>
        interval > TimeSpan.Zero ? TimeSpan.FromTicks(Math.Max(interval.Ticks * 3, TimeSpan.FromMinutes(1).Ticks)) : TimeSpan.FromMinutes(1);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var check = TimeSpan.FromTicks(Math.Max(_interval.Ticks / 4, TimeSpan.FromMilliseconds(10).Ticks));
        using var timer = new PeriodicTimer(check);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                if (_rest.IdleFor < _interval)
                {
                    continue;
                }

                try
                {
                    await _rest.SendAsync(Endpoints.Ping, [], stop).ConfigureAwait(false);
                    Pings++;
                }
                catch (Exception ex) when (ex is ExchangeException or HttpRequestException)
                {
                    // Only a warm-up: the next real request reports real trouble.
                    _logger.LogDebug(ex, "Keep-warm ping failed");
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
