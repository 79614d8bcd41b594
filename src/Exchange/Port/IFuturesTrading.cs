using TradingBot.Exchange.Model;

namespace TradingBot.Exchange.Port;

/// <summary>
/// Orders on both books: regular (MARKET) and conditional (algo STOP_MARKET / TAKE_PROFIT_MARKET).
/// Order-creating calls are never blindly resent: an unknown outcome is resolved by querying the client id;
/// if the order still cannot be found after the grace period <see cref="ExchangeUnknownOutcomeException"/> is thrown.
/// </summary>
public interface IFuturesTrading
{
    /// <summary>Places a MARKET order after rounding/validation; returns the exchange's view of it.</summary>
    Task<OrderSnapshot> PlaceMarketOrderAsync(MarketOrderRequest request, CancellationToken cancellationToken = default);

    /// <summary>Places a STOP_MARKET / TAKE_PROFIT_MARKET algo order after rounding/validation.</summary>
    Task<AlgoOrderSnapshot> PlaceConditionalOrderAsync(ConditionalOrderRequest request, CancellationToken cancellationToken = default);

    /// <summary>Regular order by client id; null when the exchange does not know it (-2013).</summary>
    Task<OrderSnapshot?> GetOrderAsync(string symbol, string clientOrderId, CancellationToken cancellationToken = default);

    /// <summary>Conditional order by client algo id; null when unknown.</summary>
    Task<AlgoOrderSnapshot?> GetAlgoOrderAsync(string symbol, string clientAlgoId, CancellationToken cancellationToken = default);

    /// <summary>Cancels a regular order; null when it was already gone (-2011).</summary>
    Task<OrderSnapshot?> CancelOrderAsync(string symbol, string clientOrderId, CancellationToken cancellationToken = default);

    /// <summary>Cancels a conditional order; false when it was already gone.</summary>
    Task<bool> CancelAlgoOrderAsync(string symbol, string clientAlgoId, CancellationToken cancellationToken = default);

    /// <summary>Open regular orders (symbol null = all symbols, weight 40).</summary>
    Task<IReadOnlyList<OrderSnapshot>> GetOpenOrdersAsync(string? symbol = null, CancellationToken cancellationToken = default);

    /// <summary>Open conditional orders (symbol null = all symbols).</summary>
    Task<IReadOnlyList<AlgoOrderSnapshot>> GetOpenAlgoOrdersAsync(string? symbol = null, CancellationToken cancellationToken = default);

    /// <summary>Conditional order history (finished ones too).</summary>
    Task<IReadOnlyList<AlgoOrderSnapshot>> GetAlgoOrderHistoryAsync(AlgoOrderHistoryQuery query, CancellationToken cancellationToken = default);

    /// <summary>Cancels every open order of a symbol on BOTH books (regular and algo).</summary>
    Task<CancelAllResult> CancelAllOrdersAsync(string symbol, CancellationToken cancellationToken = default);
}
