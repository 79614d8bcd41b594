using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using TradingBot.Exchange.Simulator.Faults;
using TradingBot.Exchange.Simulator.Market;
using TradingBot.Exchange.Simulator.Server.Streams;
using TradingBot.Exchange.Simulator.Venue;

namespace TradingBot.Exchange.Simulator.Hosting;

/// <summary>A running simulator: its URLs, the venue (engine + market), the fault knobs and a stop handle.</summary>
public sealed class SimulatorInstance : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping;
    private readonly ILogger _logger;
    private Task? _replay;
    private readonly Task _housekeeping;

    internal SimulatorInstance(WebApplication app, SimulatedExchange venue, StreamHub hub, SimulatorOptions options, int port, CancellationTokenSource stopping, ILogger logger)
    {
        _app = app;
        Venue = venue;
        Hub = hub;
        Options = options;
        Port = port;
        _stopping = stopping;
        _logger = logger;
        _housekeeping = Task.Run(() => HousekeepingLoopAsync(stopping.Token));
    }

    /// <summary>REST base, e.g. http://127.0.0.1:5123 (paths /fapi/v1/… appended by the client).</summary>
    public Uri RestBaseUrl => new($"http://127.0.0.1:{Port}");

    /// <summary>Stream base, e.g. ws://127.0.0.1:5123 (the client appends /public, /market or /private).</summary>
    public Uri StreamBaseUrl => new($"ws://127.0.0.1:{Port}");

    public int Port { get; }

    public SimulatorOptions Options { get; }

    /// <summary>Engine, market replay, listen keys. Use <see cref="SimulatedExchange.Run{T}"/> to touch the engine while serving.</summary>
    public SimulatedExchange Venue { get; }

    /// <summary>Fault knobs.</summary>
    public FaultPlan Faults => Venue.Faults;

    /// <summary>WebSocket hub (connection counts, drops).</summary>
    public StreamHub Hub { get; }

    /// <summary>Demo API key accepted (first account).</summary>
    public string ApiKey => Venue.Options.Accounts[0].ApiKey;

    /// <summary>Secret of <see cref="ApiKey"/>.</summary>
    public string ApiSecret => Venue.Options.Accounts[0].Secret;

    /// <summary>Scripted market: replays one bar now (klines, mark, fills).</summary>
    public void PushCandle(string symbol, Candle candle) => Venue.PushCandle(symbol, candle);

    /// <summary>Scripted market: moves the price now.</summary>
    public void PushPrice(string symbol, decimal price) => Venue.PushPrice(symbol, price);

    /// <summary>
    /// Starts pacing the replay on the server clock at <see cref="SimulatorOptions.Speed"/> (no-op when Speed is 0).
    /// Also expires listen keys once a second.
    /// </summary>
    public void StartReplay()
    {
        if (_replay is not null || Options.Speed <= 0)
        {
            return;
        }

        _replay = Task.Run(() => ReplayLoopAsync(_stopping.Token));
    }

    /// <summary>Completes when the data is exhausted (or the instance stops).</summary>
    public Task ReplayCompletion => _replay ?? Task.CompletedTask;

    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        if (_replay is not null)
        {
            await _replay;
        }

        await _housekeeping;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await StopAsync();
        }

        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    /// <summary>Listen key expiry and countdown cancels on the server clock, once a second of real time.</summary>
    private async Task HousekeepingLoopAsync(CancellationToken token)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(token))
            {
                Venue.Housekeep();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.LogError(ex, "Housekeeping loop failed");
        }
    }

    private async Task ReplayLoopAsync(CancellationToken token)
    {
        var clock = Options.Clock;
        var startMarket = Venue.MarketNowMs;
        var startReal = clock.GetTimestamp();
        var tick = Venue.Options.Replay.Tick;
        try
        {
            while (!token.IsCancellationRequested && !Venue.ReplayFinished)
            {
                long target;
                if (double.IsPositiveInfinity(Options.Speed))
                {
                    target = Venue.MarketNowMs + (long)TimeSpan.FromHours(1).TotalMilliseconds;
                }
                else
                {
                    var elapsed = clock.GetElapsedTime(startReal);
                    target = startMarket + (long)(elapsed.TotalMilliseconds * Options.Speed);
                }

                Venue.AdvanceMarketTo(DateTimeOffset.FromUnixTimeMilliseconds(target));
                if (double.IsPositiveInfinity(Options.Speed))
                {
                    await Task.Yield();
                }
                else
                {
                    await Task.Delay(tick, clock, token);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.LogError(ex, "Replay loop failed");
        }
    }
}
