using Microsoft.Extensions.Logging;
using TradingBot.Exchange.Model.Events;
using TradingBot.Exchange.Port;

namespace TradingBot.Exchange.Binance.Streams;

/// <summary>Combined kline + markPrice stream on /market with gap back-fill of closed candles.</summary>
internal sealed class MarketStream : IAsyncDisposable
{
    private readonly ReconnectingSocket _socket;
    private readonly KlineSequencer _sequencer;

    public MarketStream(
        MarketSubscription subscription,
        StreamEventHandler handler,
        IFuturesMarketData marketData,
        BinanceClientOptions options,
        TimeProvider time,
        StreamCounters counters,
        ILogger logger)
    {
        var uri = StreamUris.Market(options.Environment, subscription);
        _sequencer = new KlineSequencer(marketData, counters, logger);
        if (subscription.ResumeAfter is { } resume)
        {
            foreach (var symbol in subscription.Symbols)
            {
                foreach (var interval in subscription.Intervals)
                {
                    _sequencer.Seed(symbol, interval, resume);
                }
            }
        }

        _socket = new ReconnectingSocket(
            StreamKind.Market,
            options,
            time,
            counters,
            logger,
            options.MarketSilenceTimeout,
            _ => Task.FromResult(uri),
            OnOpenedAsync,
            OnEventAsync,
            handler);
    }

    public void Start() => _socket.Start();

    public ValueTask DisposeAsync() => _socket.DisposeAsync();

    private Task OnOpenedAsync(Func<string, CancellationToken, Task> send, CancellationToken cancellationToken) =>
        // Fills every known series up to now (after a reconnect, or from ResumeAfter on the first connect).
        // Frames received meanwhile wait in the socket buffer and are de-duplicated against the fill.
        _sequencer.BackfillAllAsync(_socket.DeliverAsync, cancellationToken);

    private async ValueTask OnEventAsync(StreamEvent streamEvent, CancellationToken cancellationToken)
    {
        if (streamEvent is KlineClosed closed)
        {
            await _sequencer.OnLiveAsync(closed.Kline, _socket.DeliverAsync, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _socket.DeliverAsync(streamEvent, cancellationToken).ConfigureAwait(false);
        }
    }
}
