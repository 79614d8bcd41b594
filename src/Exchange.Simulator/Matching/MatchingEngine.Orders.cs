using System.Text.RegularExpressions;
using TradingBot.Exchange.Simulator.Accounts;

namespace TradingBot.Exchange.Simulator.Matching;

public sealed partial class MatchingEngine
{
    private static readonly Regex s_clientId = new(@"^[\.A-Z\:/a-z0-9_-]{1,36}$", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    /// <summary>Places a LIMIT or MARKET order (POST /fapi/v1/order). Returns the order state after immediate execution.</summary>
    public OrderView PlaceOrder(string apiKey, NewOrder request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var account = Account(apiKey);
        var market = Market(request.Symbol);
        var spec = market.Spec;
        var clientId = ValidateClientId(request.ClientOrderId, account.OpenOrders(null).Select(o => o.ClientOrderId));
        if (request.Type == OrderType.Liquidation)
        {
            throw Errors.InvalidOrderType();
        }

        ValidateQuantity(spec, request.Quantity, request.Type == OrderType.Market);
        decimal referencePrice;
        if (request.Type == OrderType.Limit)
        {
            var price = request.Price ?? throw Errors.Mandatory("price");
            ValidatePrice(spec, price);
            if (market.HasPrice && price > market.Mark * spec.PercentPriceUp)
            {
                throw new ExchangeRejectedException(-4016, "Price is higher than mark price multiplier cap.");
            }

            if (market.HasPrice && price < market.Mark * spec.PercentPriceDown)
            {
                throw new ExchangeRejectedException(-4024, "Price is lower than mark price multiplier floor.");
            }

            referencePrice = price;
        }
        else
        {
            if (!market.HasPrice)
            {
                throw new ExchangeRejectedException(-1001, "Internal error; unable to process your request. Please try again.", 503);
            }

            referencePrice = market.Last;
        }

        var position = account.Position(spec.Symbol);
        if (request.ReduceOnly && (position.Amount == 0 || Math.Sign(position.Amount) == request.Side.Sign()))
        {
            throw Errors.ReduceOnlyRejected();
        }

        if (!request.ReduceOnly && request.Quantity * referencePrice < spec.MinNotional)
        {
            throw Errors.MinNotional(spec.MinNotional);
        }

        if (account.OpenOrders(spec.Symbol).Count() >= Options.MaxOpenOrdersPerSymbol)
        {
            throw Errors.MaxOpenOrders();
        }

        var crosses = request.Type == OrderType.Market
            || (market.HasPrice && (request.Side == Side.Buy ? referencePrice >= market.Last : referencePrice <= market.Last));
        if (request.Type == OrderType.Limit && request.TimeInForce == TimeInForce.Gtx && crosses)
        {
            throw Errors.PostOnlyRejected();
        }

        if (request.Type == OrderType.Limit && request.TimeInForce == TimeInForce.Fok && !crosses)
        {
            throw Errors.FokRejected();
        }

        if (!request.ReduceOnly)
        {
            EnsureMargin(account, spec.Symbol, request.Side, request.Quantity, crosses ? (market.HasPrice ? market.Last : referencePrice) : referencePrice, resting: !crosses);
        }

        var order = new SimOrder
        {
            OrderId = _nextOrderId++,
            Symbol = spec.Symbol,
            ClientOrderId = clientId,
            Side = request.Side,
            Type = request.Type,
            TimeInForce = request.Type == OrderType.Market ? TimeInForce.Gtc : request.TimeInForce,
            Price = request.Type == OrderType.Limit ? referencePrice : 0,
            OrigQty = request.Quantity,
            ReduceOnly = request.ReduceOnly,
            OrigType = request.Type == OrderType.Market ? "MARKET" : "LIMIT",
            Time = NowMs,
            UpdateTime = NowMs,
        };
        account.Orders.Add(order);
        EmitOrder(account, order, ExecutionType.New);
        ExecuteNewOrder(account, order, market, crosses);
        return order.ToView();
    }

    /// <summary>Cancels one open order (DELETE /fapi/v1/order); -2011 if unknown or already final.</summary>
    public OrderView CancelOrder(string apiKey, string symbol, long? orderId, string? clientOrderId)
    {
        var account = Account(apiKey);
        Market(symbol);
        var order = FindOrder(account, symbol, orderId, clientOrderId);
        if (order is null || !order.IsOpen)
        {
            throw Errors.UnknownOrderCancel();
        }

        CancelInternal(account, order);
        return order.ToView();
    }

    /// <summary>Cancels all open regular orders of a symbol (DELETE /fapi/v1/allOpenOrders).</summary>
    public int CancelAllOrders(string apiKey, string symbol)
    {
        var account = Account(apiKey);
        Market(symbol);
        var open = account.OpenOrders(symbol).ToArray();
        foreach (var order in open)
        {
            CancelInternal(account, order);
        }

        return open.Length;
    }

    /// <summary>One order by id or client id (GET /fapi/v1/order); -2013 if unknown.</summary>
    public OrderView QueryOrder(string apiKey, string symbol, long? orderId, string? clientOrderId)
    {
        var account = Account(apiKey);
        Market(symbol);
        return (FindOrder(account, symbol, orderId, clientOrderId) ?? throw Errors.NoSuchOrder()).ToView();
    }

    /// <summary>One open order (GET /fapi/v1/openOrder); -2013 if not open.</summary>
    public OrderView QueryOpenOrder(string apiKey, string symbol, long? orderId, string? clientOrderId)
    {
        var order = QueryOrder(apiKey, symbol, orderId, clientOrderId);
        return order.Status is OrderStatus.New or OrderStatus.PartiallyFilled ? order : throw Errors.NoSuchOrder();
    }

    /// <summary>Open regular orders, optionally of one symbol.</summary>
    public IReadOnlyList<OrderView> OpenOrders(string apiKey, string? symbol)
    {
        if (symbol is not null)
        {
            Market(symbol);
        }

        return Account(apiKey).OpenOrders(symbol).Select(o => o.ToView()).ToArray();
    }

    /// <summary>Order history (GET /fapi/v1/allOrders), oldest first.</summary>
    public IReadOnlyList<OrderView> AllOrders(string apiKey, string? symbol, long? fromOrderId, long? startTime, long? endTime, int limit)
    {
        if (symbol is not null)
        {
            Market(symbol);
        }

        var query = Account(apiKey).Orders.Where(o =>
            (symbol is null || o.Symbol == symbol)
            && (fromOrderId is null || o.OrderId >= fromOrderId)
            && (startTime is null || o.Time >= startTime)
            && (endTime is null || o.Time <= endTime));
        var rows = query.OrderBy(o => o.OrderId).Select(o => o.ToView());
        return (fromOrderId is null && startTime is null ? rows.TakeLast(limit) : rows.Take(limit)).ToArray();
    }

    /// <summary>Fills (GET /fapi/v1/userTrades), oldest first.</summary>
    public IReadOnlyList<TradeView> UserTrades(string apiKey, string? symbol, long? orderId, long? startTime, long? endTime, long? fromId, int limit)
    {
        var rows = Account(apiKey).Trades.Where(t =>
            (symbol is null || t.Symbol == symbol)
            && (orderId is null || t.OrderId == orderId)
            && (startTime is null || t.Time >= startTime)
            && (endTime is null || t.Time <= endTime)
            && (fromId is null || t.Id >= fromId));
        return (fromId is null && startTime is null ? rows.TakeLast(limit) : rows.Take(limit)).ToArray();
    }

    private static SimOrder? FindOrder(SimAccount account, string symbol, long? orderId, string? clientOrderId)
    {
        if (orderId is null && string.IsNullOrEmpty(clientOrderId))
        {
            throw Errors.Mandatory("orderId");
        }

        // A client id may be reused once its order is closed; the newest order carrying it wins.
        return account.Orders.LastOrDefault(o => o.Symbol == symbol
            && (orderId is null || o.OrderId == orderId)
            && (string.IsNullOrEmpty(clientOrderId) || o.ClientOrderId == clientOrderId));
    }

    private string ValidateClientId(string? clientId, IEnumerable<string> openIds)
    {
        if (string.IsNullOrEmpty(clientId))
        {
            return NextClientId("sim");
        }

        if (!s_clientId.IsMatch(clientId))
        {
            throw Errors.ClientIdInvalid();
        }

        if (openIds.Contains(clientId, StringComparer.Ordinal))
        {
            throw Errors.DuplicateClientId();
        }

        return clientId;
    }

    private static void ValidateQuantity(SymbolSpec spec, decimal quantity, bool market)
    {
        if (quantity <= 0)
        {
            throw Errors.QuantityNotPositive();
        }

        if (SymbolSpec.Decimals(quantity) > spec.QuantityPrecision)
        {
            throw Errors.Precision();
        }

        if (!SymbolSpec.IsMultiple(quantity, spec.MinQty, spec.StepSize))
        {
            throw Errors.Step();
        }

        if (quantity < spec.MinQty)
        {
            throw Errors.QuantityBelowMin();
        }

        if (quantity > (market ? spec.MarketMaxQty : spec.MaxQty))
        {
            throw Errors.QuantityAboveMax();
        }
    }

    private static void ValidatePrice(SymbolSpec spec, decimal price)
    {
        if (price <= 0)
        {
            throw new ExchangeRejectedException(-4001, "Price less than 0.");
        }

        if (SymbolSpec.Decimals(price) > spec.PricePrecision)
        {
            throw Errors.Precision();
        }

        if (!SymbolSpec.IsMultiple(price, spec.MinPrice, spec.TickSize))
        {
            throw Errors.Tick();
        }

        if (price < spec.MinPrice)
        {
            throw Errors.PriceBelowMin();
        }

        if (price > spec.MaxPrice)
        {
            throw new ExchangeRejectedException(-4016, "Price is higher than mark price multiplier cap.");
        }
    }

    private void EnsureMargin(SimAccount account, string symbol, Side side, decimal quantity, decimal price, bool resting)
    {
        var position = account.Position(symbol);
        var opening = Math.Sign(position.Amount) == -side.Sign() ? Math.Max(0, quantity - Math.Abs(position.Amount)) : quantity;
        if (opening == 0)
        {
            return;
        }

        var leverage = Settings(account, symbol).Leverage;
        var required = (opening * price / leverage) + (resting ? 0 : opening * price * Options.TakerFeeRate);
        if (Balance(account).AvailableBalance < required)
        {
            throw Errors.MarginInsufficient();
        }
    }

    private void ExecuteNewOrder(SimAccount account, SimOrder order, MarketState market, bool crosses)
    {
        if (!crosses)
        {
            if (order.TimeInForce == TimeInForce.Ioc)
            {
                Finish(account, order, OrderStatus.Expired, ExecutionType.Expired);
                return;
            }

            order.RestedOnBook = true;
            return;
        }

        var spec = market.Spec;
        var slipped = order.Side == Side.Buy
            ? spec.CeilToTick(market.Last * (1 + Options.MarketSlippage))
            : spec.FloorToTick(market.Last * (1 - Options.MarketSlippage));
        var price = order.Type == OrderType.Limit
            ? (order.Side == Side.Buy ? Math.Min(order.Price, slipped) : Math.Max(order.Price, slipped))
            : slipped;
        Fill(account, order, price, maker: false);
    }

    private void FillResting(SimAccount account, SimOrder order, MarketState market) =>
        Fill(account, order, order.Price, maker: order.RestedOnBook);

    /// <summary>Fills the remainder of an order (the book has unlimited depth), clipping reduce-only orders to the position.</summary>
    private void Fill(SimAccount account, SimOrder order, decimal price, bool maker)
    {
        var position = account.Position(order.Symbol);
        var qty = order.RemainingQty;
        if (order.ReduceOnly)
        {
            var reducible = Math.Sign(position.Amount) == -order.Side.Sign() ? Math.Abs(position.Amount) : 0;
            if (reducible == 0)
            {
                Finish(account, order, OrderStatus.Expired, ExecutionType.Expired);
                return;
            }

            if (qty > reducible)
            {
                qty = reducible;
                order.OrigQty = order.ExecutedQty + reducible;
            }
        }

        var fee = qty * price * (maker ? Options.MakerFeeRate : Options.TakerFeeRate);
        var realized = ApplyToPosition(account, position, order.Side, qty, price);
        account.Wallet += realized - fee;
        account.UpdateTime = NowMs;
        order.ExecutedQty += qty;
        order.CumQuote += qty * price;
        order.Status = order.RemainingQty == 0 ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
        order.UpdateTime = NowMs;
        var tradeId = _nextTradeId++;
        account.Trades.Add(new TradeView(tradeId, order.OrderId, order.Symbol, order.Side, price, qty, qty * price, fee, realized, maker, NowMs));
        Emit(new OrderTradeUpdate(account.ApiKey, NowMs, NowMs, order.ToView(), ExecutionType.Trade, qty, price, fee, tradeId, maker, realized));
        Emit(new AccountUpdate(account.ApiKey, NowMs, NowMs, "ORDER", account.Wallet, CrossWallet(account), 0, [PositionViewOf(account, position)], null));
        if (!order.IsOpen)
        {
            OnOrderFinal(account, order);
        }
    }

    /// <summary>Applies a fill to the position and returns the realized PnL.</summary>
    private decimal ApplyToPosition(SimAccount account, SimPosition position, Side side, decimal qty, decimal price)
    {
        var signed = qty * side.Sign();
        var settings = Settings(account, position.Symbol);
        var isolated = settings.MarginType == MarginType.Isolated;
        decimal realized = 0;
        if (position.Amount == 0 || Math.Sign(position.Amount) == Math.Sign(signed))
        {
            var newAmount = position.Amount + signed;
            position.EntryPrice = ((position.EntryPrice * Math.Abs(position.Amount)) + (price * qty)) / Math.Abs(newAmount);
            position.Amount = newAmount;
            if (isolated)
            {
                position.IsolatedWallet += qty * price / settings.Leverage;
            }
        }
        else
        {
            var closing = Math.Min(qty, Math.Abs(position.Amount));
            realized = closing * (price - position.EntryPrice) * Math.Sign(position.Amount);
            if (isolated)
            {
                position.IsolatedWallet -= position.IsolatedWallet * closing / Math.Abs(position.Amount);
            }

            position.Amount += Math.Sign(signed) * closing;
            var opening = qty - closing;
            if (position.Amount == 0)
            {
                position.EntryPrice = 0;
                position.IsolatedWallet = 0;
            }

            if (opening > 0)
            {
                position.Amount = opening * side.Sign();
                position.EntryPrice = price;
                position.IsolatedWallet = isolated ? opening * price / settings.Leverage : 0;
            }
        }

        position.AccumulatedRealized += realized;
        position.UpdateTime = NowMs;
        return realized;
    }

    private void CancelInternal(SimAccount account, SimOrder order) =>
        Finish(account, order, OrderStatus.Canceled, ExecutionType.Canceled);

    private void Finish(SimAccount account, SimOrder order, OrderStatus status, ExecutionType execution)
    {
        order.Status = status;
        order.UpdateTime = NowMs;
        EmitOrder(account, order, execution);
        OnOrderFinal(account, order);
    }

    private void EmitOrder(SimAccount account, SimOrder order, ExecutionType execution) =>
        Emit(new OrderTradeUpdate(account.ApiKey, NowMs, NowMs, order.ToView(), execution, 0, 0, 0, 0, false, 0));
}
