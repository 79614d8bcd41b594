namespace TradingBot.Exchange.Model;

/// <summary>A MARKET order on the regular book (POST /fapi/v1/order).</summary>
/// <param name="Symbol">Symbol.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">Base quantity; rounded DOWN to the market step before sending.</param>
/// <param name="ClientOrderId">Idempotency key (^[\.A-Z\:/a-z0-9_-]{1,36}$), see <c>ClientOrderIds</c>.</param>
/// <param name="ReduceOnly">Reduce-only (exempt from MIN_NOTIONAL).</param>
/// <param name="PositionSide">Position side; null = do not send (one-way mode).</param>
/// <param name="ReferencePrice">Price used for the local MIN_NOTIONAL check; null = current mark price is fetched.</param>
public sealed record MarketOrderRequest(
    string Symbol,
    OrderSide Side,
    decimal Quantity,
    string ClientOrderId,
    bool ReduceOnly = false,
    PositionSide? PositionSide = null,
    decimal? ReferencePrice = null);

/// <summary>A STOP_MARKET / TAKE_PROFIT_MARKET conditional order (POST /fapi/v1/algoOrder, algoType=CONDITIONAL).</summary>
/// <param name="Symbol">Symbol.</param>
/// <param name="Side">Side of the child order (SELL protects a long).</param>
/// <param name="Type">Stop or take-profit.</param>
/// <param name="TriggerPrice">Trigger price; rounded to tick AWAY from the entry (stop SELL / TP BUY down, stop BUY / TP SELL up).</param>
/// <param name="ClientAlgoId">Idempotency key (same charset rule as client order ids).</param>
/// <param name="Quantity">Quantity; must be null when <paramref name="ClosePosition"/> is true.</param>
/// <param name="ClosePosition">Close the whole position on trigger.</param>
/// <param name="ReduceOnly">Reduce-only (ignored with ClosePosition).</param>
/// <param name="WorkingType">Trigger reference (mark price recommended for stops).</param>
/// <param name="PriceProtect">Binance price protection.</param>
/// <param name="PositionSide">Position side; null = do not send.</param>
public sealed record ConditionalOrderRequest(
    string Symbol,
    OrderSide Side,
    ConditionalOrderType Type,
    decimal TriggerPrice,
    string ClientAlgoId,
    decimal? Quantity = null,
    bool ClosePosition = false,
    bool ReduceOnly = false,
    WorkingType WorkingType = WorkingType.MarkPrice,
    bool PriceProtect = false,
    PositionSide? PositionSide = null);

/// <summary>State of a regular order as returned by the REST API.</summary>
/// <param name="OrderId">Exchange order id.</param>
/// <param name="ClientOrderId">Client order id.</param>
/// <param name="Symbol">Symbol.</param>
/// <param name="Side">Side.</param>
/// <param name="PositionSide">Position side.</param>
/// <param name="Type">Order type.</param>
/// <param name="Status">Status.</param>
/// <param name="Price">Limit price (0 for market).</param>
/// <param name="AveragePrice">Average fill price; null when the reply did not carry it (being removed from new/cancel replies).</param>
/// <param name="OriginalQuantity">Ordered quantity.</param>
/// <param name="ExecutedQuantity">Filled quantity.</param>
/// <param name="ReduceOnly">Reduce-only flag.</param>
/// <param name="ClosePosition">Close-position flag.</param>
/// <param name="UpdateTime">Last update (UTC).</param>
public sealed record OrderSnapshot(
    long OrderId,
    string ClientOrderId,
    string Symbol,
    OrderSide Side,
    PositionSide PositionSide,
    OrderType Type,
    OrderStatus Status,
    decimal Price,
    decimal? AveragePrice,
    decimal OriginalQuantity,
    decimal ExecutedQuantity,
    bool ReduceOnly,
    bool ClosePosition,
    DateTimeOffset UpdateTime);

/// <summary>State of a conditional (algo) order.</summary>
/// <param name="AlgoId">Algo id (own id space, e.g. 1e15).</param>
/// <param name="ClientAlgoId">Client algo id.</param>
/// <param name="Symbol">Symbol.</param>
/// <param name="Side">Side.</param>
/// <param name="PositionSide">Position side.</param>
/// <param name="Type">Order type (STOP_MARKET ...).</param>
/// <param name="Status">Algo status.</param>
/// <param name="Quantity">Quantity (0 with closePosition).</param>
/// <param name="TriggerPrice">Trigger price.</param>
/// <param name="WorkingType">Trigger reference.</param>
/// <param name="ClosePosition">Close-position flag.</param>
/// <param name="ReduceOnly">Reduce-only flag.</param>
/// <param name="PriceProtect">Price protection flag.</param>
/// <param name="ActualOrderId">Child order id once triggered.</param>
/// <param name="ActualPrice">Child average price once triggered.</param>
/// <param name="ActualQuantity">Child quantity once triggered.</param>
/// <param name="CreateTime">Creation (UTC).</param>
/// <param name="UpdateTime">Last update (UTC).</param>
/// <param name="TriggerTime">Trigger time, null until fired.</param>
public sealed record AlgoOrderSnapshot(
    long AlgoId,
    string ClientAlgoId,
    string Symbol,
    OrderSide Side,
    PositionSide PositionSide,
    OrderType Type,
    AlgoOrderStatus Status,
    decimal Quantity,
    decimal TriggerPrice,
    WorkingType WorkingType,
    bool ClosePosition,
    bool ReduceOnly,
    bool PriceProtect,
    long? ActualOrderId,
    decimal? ActualPrice,
    decimal? ActualQuantity,
    DateTimeOffset CreateTime,
    DateTimeOffset UpdateTime,
    DateTimeOffset? TriggerTime);

/// <summary>History query for conditional orders (GET /fapi/v1/allAlgoOrders).</summary>
/// <param name="Symbol">Symbol.</param>
/// <param name="From">Optional start (UTC).</param>
/// <param name="To">Optional end (UTC).</param>
/// <param name="Limit">Maximum rows (Binance default 500).</param>
public sealed record AlgoOrderHistoryQuery(string Symbol, DateTimeOffset? From = null, DateTimeOffset? To = null, int? Limit = null);

/// <summary>Result of cancelling both books of a symbol.</summary>
/// <param name="Symbol">Symbol.</param>
/// <param name="RegularOrdersCancelled">True when DELETE allOpenOrders succeeded.</param>
/// <param name="AlgoOrdersCancelled">True when DELETE algoOpenOrders succeeded.</param>
public sealed record CancelAllResult(string Symbol, bool RegularOrdersCancelled, bool AlgoOrdersCancelled);
