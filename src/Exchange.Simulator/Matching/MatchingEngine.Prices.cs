using TradingBot.Exchange.Simulator.Accounts;
using TradingBot.Exchange.Simulator.Market;

namespace TradingBot.Exchange.Simulator.Matching;

public sealed partial class MatchingEngine
{
    /// <summary>Moves engine time forward (never backward), settling funding at every boundary crossed.</summary>
    public void SetTime(DateTimeOffset time)
    {
        if (!_timeSet)
        {
            _timeSet = true;
            Now = time;
            return;
        }

        if (time <= Now)
        {
            return;
        }

        var intervalMs = (long)Options.FundingInterval.TotalMilliseconds;
        var next = ((NowMs / intervalMs) + 1) * intervalMs;
        var target = time.ToUnixTimeMilliseconds();
        while (next <= target)
        {
            Now = DateTimeOffset.FromUnixTimeMilliseconds(next);
            SettleFunding();
            next += intervalMs;
        }

        Now = time;
    }

    /// <summary>
    /// Moves the market of <paramref name="symbol"/> to <paramref name="price"/> at <paramref name="time"/>.
    /// With <paramref name="continuous"/> the move is a path: resting limits fill at their price and stops trigger at their
    /// trigger price as the path crosses them, in crossing order. Without it the price jumps (gaps fill at the new price).
    /// Mark follows last unless <paramref name="mark"/> is given.
    /// </summary>
    public void AdvanceTo(string symbol, DateTimeOffset time, decimal price, bool continuous = false, decimal? mark = null)
    {
        if (price <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(price), "Price must be positive.");
        }

        var market = Market(symbol);
        SetTime(time);
        if (continuous && market.HasPrice && mark is null)
        {
            while (NextCrossing(market, price) is { } level)
            {
                market.Last = level;
                market.Mark = level;
                ProcessMarket(market);
            }
        }

        market.Last = price;
        market.Mark = mark ?? price;
        ProcessMarket(market);
    }

    /// <summary>Overrides the mark price only (e.g. replayed premium index) and evaluates MARK_PRICE triggers and liquidations.</summary>
    public void SetMarkPrice(string symbol, DateTimeOffset time, decimal mark)
    {
        var market = Market(symbol);
        SetTime(time);
        market.Mark = mark;
        if (market.Last == 0)
        {
            market.Last = mark;
        }

        ProcessMarket(market);
    }

    /// <summary>Walks the candle's intrabar path (jump to open, then continuous open→extreme→extreme→close).</summary>
    public void ApplyCandle(string symbol, Candle candle, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(candle);
        var vertices = IntrabarPath.Vertices(candle, interval, Options.IntrabarPath);
        for (var i = 0; i < vertices.Count; i++)
        {
            AdvanceTo(symbol, DateTimeOffset.FromUnixTimeMilliseconds(vertices[i].TimeMs), vertices[i].Price, continuous: i > 0);
        }
    }

    /// <summary>First order-relevant price level strictly between the current price and the target.</summary>
    private decimal? NextCrossing(MarketState market, decimal target)
    {
        var from = market.Last;
        if (target == from)
        {
            return null;
        }

        var up = target > from;
        decimal? best = null;
        void Consider(decimal level, bool conditionIsAbove)
        {
            // Moving up we reach "price ≥ X" conditions; moving down "price ≤ X".
            if (conditionIsAbove != up)
            {
                return;
            }

            var inRange = up ? level > from && level < target : level < from && level > target;
            if (inRange && (best is null || (up ? level < best : level > best)))
            {
                best = level;
            }
        }

        // Plain loops over the account's lists: this runs on every intrabar move.
        var symbol = market.Spec.Symbol;
        foreach (var account in _accounts.Values)
        {
            foreach (var order in account.Orders)
            {
                if (order.IsOpen && order.Symbol == symbol && order.Type == OrderType.Limit)
                {
                    Consider(order.Price, conditionIsAbove: order.Side == Side.Sell);
                }
            }

            foreach (var algo in account.Algos)
            {
                if (algo.IsOpen && algo.Symbol == symbol)
                {
                    Consider(algo.TriggerPrice, algo.TriggersWhenAbove);
                }
            }
        }

        return best;
    }

    private void ProcessMarket(MarketState market)
    {
        // Accounts are only added through the API, never while a move is processed, so no copy is needed.
        foreach (var account in _accounts.Values)
        {
            // Fills add orders and triggers change statuses, so each pass works on a snapshot. Prices do not move while a
            // pass runs, so taking only what crosses (or triggers) now is the same as checking each order inside the
            // pass, and a move that reaches nothing, the usual case, allocates nothing.
            if (CrossedLimits(account, market) is { } crossed)
            {
                foreach (var order in crossed)
                {
                    if (order.IsOpen)
                    {
                        FillResting(account, order, market);
                    }
                }
            }

            if (TriggeredAlgos(account, market) is { } triggered)
            {
                foreach (var algo in triggered)
                {
                    if (algo.IsOpen)
                    {
                        Trigger(account, algo, market);
                    }
                }
            }

            CheckLiquidation(account, market);
        }
    }

    /// <summary>Open limit orders of the market's symbol that the current last price crosses, in placement order; null for none.</summary>
    private static List<SimOrder>? CrossedLimits(SimAccount account, MarketState market)
    {
        var symbol = market.Spec.Symbol;
        List<SimOrder>? crossed = null;
        foreach (var order in account.Orders)
        {
            if (order.IsOpen
                && order.Symbol == symbol
                && order.Type == OrderType.Limit
                && (order.Side == Side.Buy ? market.Last <= order.Price : market.Last >= order.Price))
            {
                (crossed ??= []).Add(order);
            }
        }

        return crossed;
    }

    /// <summary>Open algo orders of the market's symbol that the current price triggers, by algo id; null for none.</summary>
    private static List<SimAlgoOrder>? TriggeredAlgos(SimAccount account, MarketState market)
    {
        var symbol = market.Spec.Symbol;
        List<SimAlgoOrder>? triggered = null;
        foreach (var algo in account.Algos)
        {
            if (algo.IsOpen
                && algo.Symbol == symbol
                && algo.IsTriggeredBy(algo.WorkingType == WorkingType.MarkPrice ? market.Mark : market.Last))
            {
                triggered ??= [];

                // Stable insertion by id (the list is normally in id order already).
                var at = triggered.Count;
                while (at > 0 && triggered[at - 1].AlgoId > algo.AlgoId)
                {
                    at--;
                }

                triggered.Insert(at, algo);
            }
        }

        return triggered;
    }

    private void SettleFunding()
    {
        foreach (var market in _markets.Values.Where(m => m.HasPrice))
        {
            _fundingHistory.Add(new FundingRecord(market.Spec.Symbol, NowMs, Options.FundingRate, market.Mark));
        }

        foreach (var account in _accounts.Values)
        {
            foreach (var position in account.Positions.Values.Where(p => p.Amount != 0).ToArray())
            {
                var market = Market(position.Symbol);
                var fee = -position.Amount * market.Mark * Options.FundingRate;
                account.Wallet += fee;
                var settings = Settings(account, position.Symbol);
                var isolated = settings.MarginType == MarginType.Isolated;
                if (isolated)
                {
                    position.IsolatedWallet += fee;
                }

                position.UpdateTime = NowMs;
                account.UpdateTime = NowMs;
                IReadOnlyList<PositionView> changed = isolated ? [PositionViewOf(account, position)] : [];
                Emit(new AccountUpdate(account.ApiKey, NowMs, NowMs, "FUNDING_FEE", account.Wallet, CrossWallet(account), fee, changed, position.Symbol));
            }
        }
    }

    private void CheckLiquidation(SimAccount account, MarketState market)
    {
        if (!account.Positions.TryGetValue(market.Spec.Symbol, out var position) || position.Amount == 0)
        {
            return;
        }

        if (Settings(account, position.Symbol).MarginType != MarginType.Isolated)
        {
            CheckCrossLiquidation(account);
            return;
        }

        var unrealized = position.Amount * (market.Mark - position.EntryPrice);
        var maintenance = Math.Abs(position.Amount) * market.Mark * Options.MaintenanceMarginRate;
        if (position.IsolatedWallet + unrealized > maintenance)
        {
            return;
        }

        Liquidate(account, position, market);
    }

    /// <summary>Cross margin: when cross equity falls to the cross maintenance margin, every cross position is closed at mark.</summary>
    private void CheckCrossLiquidation(SimAccount account)
    {
        var cross = account.Positions.Values
            .Where(p => p.Amount != 0 && Settings(account, p.Symbol).MarginType == MarginType.Crossed)
            .ToArray();
        decimal unrealized = 0, maintenance = 0;
        foreach (var p in cross)
        {
            var mark = Market(p.Symbol).Mark;
            unrealized += p.Amount * (mark - p.EntryPrice);
            maintenance += Math.Abs(p.Amount) * mark * Options.MaintenanceMarginRate;
        }

        if (cross.Length == 0 || CrossWallet(account) + unrealized > maintenance)
        {
            return;
        }

        foreach (var position in cross)
        {
            var market = Market(position.Symbol);
            var order = FilledLiquidationOrder(account, position, market);
            var (qty, side) = (order.ExecutedQty, order.Side);
            var realized = position.Amount * (market.Mark - position.EntryPrice);
            account.Wallet += realized;
            position.AccumulatedRealized += realized;
            position.Amount = 0;
            position.EntryPrice = 0;
            position.UpdateTime = NowMs;
            var tradeId = _nextTradeId++;
            account.Trades.Add(new TradeView(tradeId, order.OrderId, order.Symbol, side, market.Mark, qty, qty * market.Mark, 0, realized, false, NowMs));
            Emit(new OrderTradeUpdate(account.ApiKey, NowMs, NowMs, order.ToView(), ExecutionType.Calculated, qty, market.Mark, 0, tradeId, false, realized));
        }

        // The insurance fund absorbs a negative balance.
        account.Wallet = Math.Max(account.Wallet, account.Positions.Values.Sum(p => p.IsolatedWallet));
        Emit(new AccountUpdate(account.ApiKey, NowMs, NowMs, "ORDER", account.Wallet, CrossWallet(account), 0, cross.Select(p => PositionViewOf(account, p)).ToArray(), null));
    }

    private void Liquidate(SimAccount account, SimPosition position, MarketState market)
    {
        var order = FilledLiquidationOrder(account, position, market);
        var (qty, side) = (order.ExecutedQty, order.Side);

        // The whole isolated margin is lost: realized PnL at mark plus the clearance that goes to the insurance fund.
        var lost = position.IsolatedWallet;
        account.Wallet -= lost;
        position.AccumulatedRealized -= lost;
        position.Amount = 0;
        position.EntryPrice = 0;
        position.IsolatedWallet = 0;
        position.UpdateTime = NowMs;
        var tradeId = _nextTradeId++;
        account.Trades.Add(new TradeView(tradeId, order.OrderId, order.Symbol, side, market.Mark, qty, qty * market.Mark, 0, -lost, false, NowMs));
        Emit(new OrderTradeUpdate(account.ApiKey, NowMs, NowMs, order.ToView(), ExecutionType.Calculated, qty, market.Mark, 0, tradeId, false, -lost));
        Emit(new AccountUpdate(account.ApiKey, NowMs, NowMs, "ORDER", account.Wallet, CrossWallet(account), 0, [PositionViewOf(account, position)], null));
    }

    /// <summary>
    /// Cancels the symbol's open orders (Binance does so before liquidating) and books the exchange's liquidation
    /// order for the whole position, filled at mark.
    /// </summary>
    private SimOrder FilledLiquidationOrder(SimAccount account, SimPosition position, MarketState market)
    {
        foreach (var open in account.OpenOrders(position.Symbol).ToArray())
        {
            CancelInternal(account, open);
        }

        var qty = Math.Abs(position.Amount);
        var order = new SimOrder
        {
            OrderId = _nextOrderId++,
            Symbol = position.Symbol,
            ClientOrderId = $"autoclose-{NowMs}",
            Side = position.Amount > 0 ? Side.Sell : Side.Buy,
            Type = OrderType.Liquidation,
            TimeInForce = TimeInForce.Ioc,
            Price = market.Mark,
            OrigQty = qty,
            ReduceOnly = true,
            OrigType = "LIQUIDATION",
            Time = NowMs,
            UpdateTime = NowMs,
            ExecutedQty = qty,
            CumQuote = qty * market.Mark,
            Status = OrderStatus.Filled,
        };
        account.Orders.Add(order);
        return order;
    }
}
