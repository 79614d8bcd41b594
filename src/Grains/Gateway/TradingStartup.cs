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
        await exchange.SetPositionModeAsync(hedgeMode: false, cancellationToken);
        foreach (var symbol in settings.Symbols)
        {
            try
            {
                await exchange.SetMarginTypeAsync(symbol, MarginType.Isolated, cancellationToken);
            }
            catch (ExchangeRejectedException ex)
            {
                // -4047/-4048: not changeable while orders or a position exist; reconciliation takes over.
                LogMarginTypeKept(symbol, ex.Message);
            }

            await exchange.SetLeverageAsync(symbol, settings.Risk.Leverage, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trading started: symbols {Symbols}, strategies {Strategies}; {Summary}")]
    private partial void LogStarted(string symbols, string strategies, string summary);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Symbol}: margin type unchanged ({Reason})")]
    private partial void LogMarginTypeKept(string symbol, string reason);
}
