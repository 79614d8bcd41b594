using TradingBot.Exchange.Model.Events;

namespace TradingBot.Exchange.Port;

/// <summary>Handler for stream events; awaited sequentially per stream, so keep it short (post to a mailbox).</summary>
/// <param name="streamEvent">The event.</param>
/// <param name="cancellationToken">Cancelled when the subscription is disposed.</param>
public delegate ValueTask StreamEventHandler(StreamEvent streamEvent, CancellationToken cancellationToken);

/// <summary>Push streams. Each subscription reconnects on its own until disposed.</summary>
public interface IFuturesStreams
{
    /// <summary>
    /// Market stream: <see cref="KlineClosed"/> (closed candles only, gap-filled after reconnects),
    /// <see cref="MarkPriceUpdated"/> and <see cref="StreamStateChanged"/>.
    /// </summary>
    Task<IAsyncDisposable> SubscribeMarketAsync(MarketSubscription subscription, StreamEventHandler handler, CancellationToken cancellationToken = default);

    /// <summary>
    /// User data stream: <see cref="OrderUpdated"/>, <see cref="AlgoOrderUpdated"/>, <see cref="AccountUpdated"/>,
    /// <see cref="TradeLite"/>, <see cref="AccountConfigUpdated"/>, <see cref="ListenKeyExpired"/> and
    /// <see cref="StreamStateChanged"/>. The listen key is created, kept alive and renewed internally.
    /// </summary>
    Task<IAsyncDisposable> SubscribeUserAsync(StreamEventHandler handler, CancellationToken cancellationToken = default);
}
