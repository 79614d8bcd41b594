using TradingBot.Exchange.Simulator.Accounts;

namespace TradingBot.Exchange.Simulator.Matching;

public sealed partial class MatchingEngine
{
    /// <summary>Places a conditional order (POST /fapi/v1/algoOrder, algoType=CONDITIONAL).</summary>
    public AlgoOrderView PlaceAlgoOrder(string apiKey, NewAlgoOrder request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var account = Account(apiKey);
        var market = Market(request.Symbol);
        var spec = market.Spec;
        var clientId = ValidateClientId(request.ClientAlgoId, account.OpenAlgos(null).Select(a => a.ClientAlgoId));
        var isMarketType = request.Type is AlgoOrderType.StopMarket or AlgoOrderType.TakeProfitMarket;
        if (request.ClosePosition)
        {
            if (!isMarketType)
            {
                throw Errors.NotRequired("closePosition");
            }

            if (request.Quantity is not null)
            {
                throw Errors.ClosePositionWithQuantity();
            }

            if (request.ReduceOnly)
            {
                throw Errors.ClosePositionWithReduceOnly();
            }
        }
        else
        {
            var quantity = request.Quantity ?? throw Errors.Mandatory("quantity");
            ValidateQuantity(spec, quantity, isMarketType);
        }

        ValidatePrice(spec, request.TriggerPrice);
        if (!isMarketType)
        {
            ValidatePrice(spec, request.Price ?? throw Errors.Mandatory("price"));
        }

        if (!request.ClosePosition && !request.ReduceOnly && request.Quantity!.Value * request.TriggerPrice < spec.MinNotional)
        {
            throw Errors.MinNotional(spec.MinNotional);
        }

        var algo = new SimAlgoOrder
        {
            AlgoId = _nextAlgoId++,
            ClientAlgoId = clientId,
            Symbol = spec.Symbol,
            Side = request.Side,
            Type = request.Type,
            TimeInForce = request.TimeInForce,
            Quantity = request.Quantity ?? 0,
            TriggerPrice = request.TriggerPrice,
            Price = isMarketType ? 0 : request.Price!.Value,
            WorkingType = request.WorkingType,
            ClosePosition = request.ClosePosition,
            ReduceOnly = request.ReduceOnly || request.ClosePosition,
            PriceProtect = request.PriceProtect,
            CreateTime = NowMs,
            UpdateTime = NowMs,
        };
        var reference = algo.WorkingType == WorkingType.MarkPrice ? market.Mark : market.Last;
        if (market.HasPrice && algo.IsTriggeredBy(reference))
        {
            throw Errors.WouldTrigger();
        }

        account.Algos.Add(algo);
        EmitAlgo(account, algo);
        return algo.ToView();
    }

    /// <summary>Cancels an open conditional order; -2011 when unknown or no longer open.</summary>
    public AlgoOrderView CancelAlgoOrder(string apiKey, long? algoId, string? clientAlgoId)
    {
        var account = Account(apiKey);
        var algo = FindAlgo(account, algoId, clientAlgoId);
        if (algo is null || !algo.IsOpen)
        {
            throw Errors.UnknownOrderCancel();
        }

        SetAlgoStatus(account, algo, AlgoStatus.Canceled);
        return algo.ToView();
    }

    /// <summary>Cancels all open conditional orders of a symbol (DELETE /fapi/v1/algoOpenOrders).</summary>
    public int CancelAllAlgoOrders(string apiKey, string symbol)
    {
        var account = Account(apiKey);
        Market(symbol);
        var open = account.OpenAlgos(symbol).ToArray();
        foreach (var algo in open)
        {
            SetAlgoStatus(account, algo, AlgoStatus.Canceled);
        }

        return open.Length;
    }

    /// <summary>One conditional order by id or client id (GET /fapi/v1/algoOrder); -2013 if unknown.</summary>
    public AlgoOrderView QueryAlgoOrder(string apiKey, long? algoId, string? clientAlgoId) =>
        (FindAlgo(Account(apiKey), algoId, clientAlgoId) ?? throw Errors.NoSuchOrder()).ToView();

    /// <summary>Open conditional orders (GET /fapi/v1/openAlgoOrders).</summary>
    public IReadOnlyList<AlgoOrderView> OpenAlgoOrders(string apiKey, string? symbol)
    {
        if (symbol is not null)
        {
            Market(symbol);
        }

        return Account(apiKey).OpenAlgos(symbol).Select(a => a.ToView()).ToArray();
    }

    /// <summary>Conditional order history (GET /fapi/v1/allAlgoOrders), oldest first.</summary>
    public IReadOnlyList<AlgoOrderView> AllAlgoOrders(string apiKey, string? symbol, long? fromAlgoId, long? startTime, long? endTime, int limit)
    {
        var rows = Account(apiKey).Algos.Where(a =>
            (symbol is null || a.Symbol == symbol)
            && (fromAlgoId is null || a.AlgoId >= fromAlgoId)
            && (startTime is null || a.CreateTime >= startTime)
            && (endTime is null || a.CreateTime <= endTime)).Select(a => a.ToView());
        return (fromAlgoId is null && startTime is null ? rows.TakeLast(limit) : rows.Take(limit)).ToArray();
    }

    private static SimAlgoOrder? FindAlgo(SimAccount account, long? algoId, string? clientAlgoId)
    {
        if (algoId is null && string.IsNullOrEmpty(clientAlgoId))
        {
            throw Errors.Mandatory("algoId");
        }

        return account.Algos.LastOrDefault(a =>
            (algoId is null || a.AlgoId == algoId) && (string.IsNullOrEmpty(clientAlgoId) || a.ClientAlgoId == clientAlgoId));
    }

    private void Trigger(SimAccount account, SimAlgoOrder algo, MarketState market)
    {
        algo.TriggerTime = NowMs;
        SetAlgoStatus(account, algo, AlgoStatus.Triggering);
        var position = account.Position(algo.Symbol);
        var quantity = algo.ClosePosition ? Math.Abs(position.Amount) : algo.Quantity;
        var isMarketType = algo.Type is AlgoOrderType.StopMarket or AlgoOrderType.TakeProfitMarket;
        var child = new SimOrder
        {
            OrderId = _nextOrderId++,
            Symbol = algo.Symbol,
            ClientOrderId = algo.ClientAlgoId,
            Side = algo.Side,
            Type = isMarketType ? OrderType.Market : OrderType.Limit,
            TimeInForce = algo.TimeInForce,
            Price = algo.Price,
            OrigQty = quantity,
            ReduceOnly = algo.ReduceOnly,
            ClosePosition = algo.ClosePosition,
            StopPrice = algo.TriggerPrice,
            WorkingType = algo.WorkingType,
            OrigType = isMarketType ? "MARKET" : "LIMIT",
            Time = NowMs,
            UpdateTime = NowMs,
            ParentAlgoId = algo.AlgoId,
        };
        algo.ActualOrderId = child.OrderId;
        account.Orders.Add(child);
        var triggered = algo.ToView() with { Status = AlgoStatus.Triggered, UpdateTime = NowMs };
        var insertAt = _events.Count;

        EmitOrder(account, child, ExecutionType.New);
        var closeOnFlat = algo.ClosePosition && (position.Amount == 0 || Math.Sign(position.Amount) == algo.Side.Sign());
        if (closeOnFlat || quantity == 0)
        {
            Finish(account, child, OrderStatus.Expired, ExecutionType.Expired);
        }
        else
        {
            var crosses = isMarketType || (algo.Side == Side.Buy ? market.Last <= algo.Price : market.Last >= algo.Price);
            ExecuteNewOrder(account, child, market, crosses);
        }

        algo.Status = AlgoStatus.Triggered;
        algo.UpdateTime = NowMs;
        var triggeredEvent = new AlgoUpdate(account.ApiKey, NowMs, NowMs, triggered);
        if (Options.ChildFillBeforeTriggered)
        {
            Emit(triggeredEvent);
        }
        else
        {
            _events.Insert(insertAt, triggeredEvent);
        }

        if (!child.IsOpen)
        {
            CompleteAlgo(account, algo, child);
        }
    }

    /// <summary>Called when any regular order becomes final; finishes its parent algo order if it has one.</summary>
    private void OnOrderFinal(SimAccount account, SimOrder order)
    {
        if (order.ParentAlgoId is not { } parentId)
        {
            return;
        }

        var algo = account.Algos.FirstOrDefault(a => a.AlgoId == parentId);
        if (algo is { Status: AlgoStatus.Triggered })
        {
            CompleteAlgo(account, algo, order);
        }
    }

    private void CompleteAlgo(SimAccount account, SimAlgoOrder algo, SimOrder child)
    {
        algo.ActualQty = child.ExecutedQty;
        algo.ActualPrice = child.AvgPrice;
        SetAlgoStatus(account, algo, AlgoStatus.Finished);
    }

    private void SetAlgoStatus(SimAccount account, SimAlgoOrder algo, AlgoStatus status)
    {
        algo.Status = status;
        algo.UpdateTime = NowMs;
        EmitAlgo(account, algo);
    }

    private void EmitAlgo(SimAccount account, SimAlgoOrder algo) =>
        Emit(new AlgoUpdate(account.ApiKey, NowMs, NowMs, algo.ToView()));
}
