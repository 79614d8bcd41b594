using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TradingBot.Contracts;
using TradingBot.Contracts.Events;
using TradingBot.Contracts.Exchange;
using TradingBot.Contracts.Grains;
using TradingBot.Exchange.Model;
using TradingBot.Exchange.Model.Events;
using TradingBot.Exchange.Port;
using TradingBot.Grains.Hosting;
using TradingBot.Grains.Mapping;
using TradingBot.Runtime;
using TradingBot.Runtime.Streams;

namespace TradingBot.Grains.Gateway;

/// <summary>
/// Bridges the exchange's push streams into grain streams: closed 1m klines to the SymbolGrains,
/// user events and mark prices to the PositionGrains, balance changes to the RiskGrain, connection
/// changes to the system stream. Keeps nothing but health facts.
/// </summary>
public sealed partial class ExchangeGateway(
    IExchange exchange,
    IClusterClient client,
    StreamHealth health,
    IOptions<TradingOptions> options,
    TimeProvider clock,
    ILogger<ExchangeGateway> logger) : IAsyncDisposable
{
    private readonly ObservedMarketClock? _observed = clock as ObservedMarketClock;
    private readonly List<IAsyncDisposable> _subscriptions = [];
    private IStreamProvider Streams => client.GetStreamProvider(StreamNames.Provider);

    /// <summary>The user stream first, so no fill between reconciliation and subscription is missed.</summary>
    public async Task StartUserStreamAsync(CancellationToken cancellationToken) =>
        _subscriptions.Add(await exchange.SubscribeUserAsync(OnUserEventAsync, cancellationToken));

    public async Task StartMarketStreamAsync(CancellationToken cancellationToken)
    {
        var subscription = MarketSubscription.Default([.. options.Value.Symbols]);
        _subscriptions.Add(await exchange.SubscribeMarketAsync(subscription, OnMarketEventAsync, cancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var subscription in _subscriptions)
        {
            await subscription.DisposeAsync();
        }

        _subscriptions.Clear();
    }

    private async ValueTask OnMarketEventAsync(StreamEvent streamEvent, CancellationToken cancellationToken)
    {
        switch (streamEvent)
        {
            case KlineClosed closed:
                _observed?.Observe(closed.Kline.OpenTime + closed.Kline.Interval.Duration());
                health.RecordClosed(closed.Kline.Symbol, closed.Kline.Interval.ToBinance(), closed.Kline.OpenTime);
                if (closed.Kline.Interval == KlineInterval.OneMinute)
                {
                    await Streams.GetStream<CandleClosed>(StreamId.Create(StreamNames.Klines, closed.Kline.Symbol))
                        .OnNextAsync(new CandleClosed(ExchangeMapping.ToCandle(closed.Kline)));
                }

                break;
            case MarkPriceUpdated mark:
                _observed?.Observe(mark.Mark.Time);
                await Streams.GetStream<IBotEvent>(StreamId.Create(StreamNames.Exchange, mark.Mark.Symbol))
                    .OnNextAsync(new MarkPriceChanged(mark.Mark.Symbol, mark.Mark.Price, mark.Mark.Time));
                break;
            case StreamStateChanged change:
                await OnStateAsync(change);
                break;
        }
    }

    private async ValueTask OnUserEventAsync(StreamEvent streamEvent, CancellationToken cancellationToken)
    {
        switch (streamEvent)
        {
            case OrderUpdated order:
                await Streams.GetStream<IBotEvent>(StreamId.Create(StreamNames.Exchange, order.Symbol)).OnNextAsync(ExchangeEventMapper.ToContract(order));
                break;
            case AlgoOrderUpdated algo:
                await Streams.GetStream<IBotEvent>(StreamId.Create(StreamNames.Exchange, algo.Symbol)).OnNextAsync(ExchangeEventMapper.ToContract(algo));
                break;
            case AccountUpdated account:
                await Streams.GetStream<ExchangeAccountUpdate>(StreamId.Create(StreamNames.Account, AccountKeys.Main)).OnNextAsync(ExchangeEventMapper.ToContract(account));
                break;
            case ListenKeyExpired expired:
                LogListenKeyExpired(expired.EventTime);
                break;
            case StreamStateChanged change:
                await OnStateAsync(change);
                break;
        }
    }

    private async Task OnStateAsync(StreamStateChanged change)
    {
        health.Record(change);
        var state = change.State switch
        {
            StreamConnectionState.Connected => ConnectionState.Connected,
            StreamConnectionState.Reconnecting => ConnectionState.Reconnecting,
            _ => ConnectionState.Disconnected,
        };
        LogState(change.Kind.ToString(), state.ToString(), change.Attempt, change.Reason);
        await Streams.GetStream<IBotEvent>(StreamId.Create(StreamNames.System, "silo"))
            .OnNextAsync(new ConnectionStateChanged(change.Kind.ToString().ToLowerInvariant(), state, change.Attempt, change.Reason, clock.GetUtcNow()));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Stream} stream {State} (attempt {Attempt}) {Reason}")]
    private partial void LogState(string stream, string state, int attempt, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "listenKey expired at {At}; the client renews it")]
    private partial void LogListenKeyExpired(DateTimeOffset at);
}
