using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TradingBot.Contracts;
using TradingBot.Contracts.Events;
using TradingBot.Contracts.Grains;
using TradingBot.Exchange.Model;
using TradingBot.Exchange.Port;
using TradingBot.Grains.Hosting;
using TradingBot.Runtime;
using TradingBot.Runtime.Streams;

namespace TradingBot.Grains.Gateway;

/// <summary>
/// The start-up sequence (system_started): account configuration, user stream, history and engines,
/// reconciliation of orders and positions with the exchange, strategies, then market data. No entry is
/// allowed until reconciliation says both sides agree.
/// </summary>
public sealed partial class TradingStartup(
    IExchange exchange,
    IClusterClient client,
    ExchangeGateway gateway,
    IOptions<TradingOptions> options,
    TimeProvider clock,
    ILogger<TradingStartup> logger)
{
    private const int StartupRetries = 8;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await ConfigureAccountAsync(settings, cancellationToken);
        await gateway.StartUserStreamAsync(cancellationToken);

        foreach (var symbol in settings.Symbols)
        {
            await client.GetGrain<ISymbolGrain>(symbol).StartAsync();
        }

        var resolved = await client.GetGrain<IOrderGrain>(AccountKeys.Main).ResolvePendingAsync();
        var results = new List<ReconciliationResult>();
        foreach (var symbol in settings.Symbols)
        {
            results.Add(await client.GetGrain<IPositionGrain>(symbol).ReconcileAsync());
        }

        var summary = $"{resolved} pending intent(s) resolved; " + string.Join("; ", results.Select(r => $"{r.Symbol}: {r.Detail}"));
        await client.GetGrain<IRiskGrain>(AccountKeys.Main).MarkReconciledAsync(results.All(r => r.Consistent), summary);

        foreach (var strategy in settings.Strategies)
        {
            await client.GetGrain<IStrategyGrain>(strategy).StartAsync(settings.Symbols);
        }

        await gateway.StartMarketStreamAsync(cancellationToken);
        var system = client.GetStreamProvider(StreamNames.Provider).GetStream<IBotEvent>(StreamId.Create(StreamNames.System, "silo"));
        await system.OnNextAsync(new SystemEvent(SystemEventKind.ReconciliationCompleted, summary, null, clock.GetUtcNow()));
        await system.OnNextAsync(new SystemEvent(SystemEventKind.Started, $"Trading {string.Join(", ", settings.Symbols)} with strategies {string.Join(", ", settings.Strategies)}", null, clock.GetUtcNow()));
        LogStarted(string.Join(",", settings.Symbols), string.Join(",", settings.Strategies), summary);
    }

    private async Task ConfigureAccountAsync(TradingOptions settings, CancellationToken cancellationToken)
    {
        await RetryIdempotentAsync("position mode", () => exchange.SetPositionModeAsync(hedgeMode: false, cancellationToken), settings, cancellationToken);
        foreach (var symbol in settings.Symbols)
        {
            try
            {
                await RetryIdempotentAsync($"{symbol} margin type", () => exchange.SetMarginTypeAsync(symbol, MarginType.Isolated, cancellationToken), settings, cancellationToken);
            }
            catch (ExchangeRejectedException ex)
            {
                // -4047/-4048: not changeable while orders or a position exist; reconciliation takes over.
                LogMarginTypeKept(symbol, ex.Message);
            }

            await RetryIdempotentAsync($"{symbol} leverage", () => exchange.SetLeverageAsync(symbol, settings.Risk.Leverage, cancellationToken), settings, cancellationToken);
        }
    }

    /// <summary>
    /// Account settings are idempotent, so a reply lost to a 5xx, a -1007 timeout, a dropped connection or a 429
    /// is simply asked again (found by the chaos run: one 503 on POST /fapi/v1/leverage used to kill the start-up).
    /// </summary>
    private async Task RetryIdempotentAsync<T>(string what, Func<Task<T>> call, TradingOptions settings, CancellationToken cancellationToken)
    {
        var delays = settings.OrderRetryDelays.Length > 0 ? settings.OrderRetryDelays : [TimeSpan.FromSeconds(1)];
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await call();
                return;
            }
            catch (ExchangeException ex) when (attempt < StartupRetries && ex is ExchangeUnknownOutcomeException or ExchangeNotExecutedException)
            {
                var delay = ex is ExchangeRateLimitException limited && limited.RetryAt - TimeProvider.System.GetUtcNow() is { } wait && wait > TimeSpan.Zero && wait < TimeSpan.FromMinutes(2)
                    ? wait
                    : delays[Math.Min(attempt, delays.Length - 1)];
                LogStartupRetry(what, attempt + 1, ex.Message);
                await Task.Delay(delay, TimeProvider.System, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Start-up: setting {What} failed (attempt {Attempt}: {Reason}); asking again")]
    private partial void LogStartupRetry(string what, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trading started: symbols {Symbols}, strategies {Strategies}; {Summary}")]
    private partial void LogStarted(string symbols, string strategies, string summary);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Symbol}: margin type unchanged ({Reason})")]
    private partial void LogMarginTypeKept(string symbol, string reason);
}
