using TradingBot.Exchange.Model;
using TradingBot.Exchange.Port;
using Sim = TradingBot.Exchange.Simulator.Matching;

namespace TradingBot.Backtest.Simulation;

/// <summary>The <see cref="IExchange"/> surface: each call maps to one engine operation, rejections to the port's exceptions.</summary>
internal sealed partial class BacktestExchange
{
    public Task<DateTimeOffset> GetServerTimeAsync(CancellationToken cancellationToken = default) => Task.FromResult(_clock.GetUtcNow());

    public Task<IReadOnlyList<InstrumentRules>> GetInstrumentsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<InstrumentRules>>(_options.Symbols.Select(Rules).ToArray());

    public Task<InstrumentRules> GetInstrumentAsync(string symbol, CancellationToken cancellationToken = default)
    {
        var spec = _options.Symbols.FirstOrDefault(s => s.Symbol == symbol) ?? throw new ExchangeRejectedException(-1121, 400, "Invalid symbol.");
        return Task.FromResult(Rules(spec));
    }

    public Task<IReadOnlyList<Kline>> GetKlinesAsync(KlineQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!_data.Contains(query.Symbol))
        {
            throw new ExchangeRejectedException(-1121, 400, "Invalid symbol.");
        }

        var minutes = (int)query.Interval.Duration().TotalMinutes;
        var series = _data[query.Symbol].For(minutes);
        var to = (query.To ?? _clock.GetUtcNow()).ToUnixTimeMilliseconds();
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        var closedBy = Math.Min(to, now);
        var first = series.LowerBound(query.From.ToUnixTimeMilliseconds());
        var end = series.LowerBound(closedBy - series.IntervalMs + 1);
        if (query.MaxCount is { } max && end - first > max)
        {
            first = end - max;
        }

        var klines = new List<Kline>(Math.Max(0, end - first));
        for (var i = first; i < end; i++)
        {
            var b = series.Bars[i];
            klines.Add(new Kline(query.Symbol, query.Interval, EngineMapping.Time(b.OpenMs), EngineMapping.Time(b.OpenMs + series.IntervalMs - 1), b.Open, b.High, b.Low, b.Close, b.Volume,
                b.Volume * b.Close, 0, 0, 0, true));
        }

        return Task.FromResult<IReadOnlyList<Kline>>(klines);
    }

    public Task<MarkPrice> GetMarkPriceAsync(string symbol, CancellationToken cancellationToken = default)
    {
        var book = Book(symbol);
        var mark = _engine.MarkPrice(symbol) is > 0 and var m && book.Active ? m : book.LastPrice;
        var now = _clock.GetUtcNow();
        var next = DateTimeOffset.FromUnixTimeMilliseconds(((now.ToUnixTimeMilliseconds() / 28_800_000) + 1) * 28_800_000);
        return Task.FromResult(new MarkPrice(symbol, mark, mark, mark, 0m, next, now));
    }

    public Task<IReadOnlyList<AssetBalance>> GetBalancesAsync(CancellationToken cancellationToken = default)
    {
        var b = _engine.Balance(ApiKey);
        return Task.FromResult<IReadOnlyList<AssetBalance>>([new AssetBalance("USDT", b.WalletBalance, b.CrossWalletBalance, b.CrossUnrealizedPnl, b.AvailableBalance, b.AvailableBalance, EngineMapping.Time(b.UpdateTime))]);
    }

    public Task<AccountSnapshot> GetAccountAsync(CancellationToken cancellationToken = default)
    {
        var b = _engine.Balance(ApiKey);
        var asset = new AssetBalance("USDT", b.WalletBalance, b.CrossWalletBalance, b.CrossUnrealizedPnl, b.AvailableBalance, b.AvailableBalance, EngineMapping.Time(b.UpdateTime));
        var positions = _engine.Positions(ApiKey, null, includeOpenOrderSymbols: false)
            .Select(p => new AccountPosition(p.Symbol, PositionSide.Both, p.PositionAmt, p.UnrealizedProfit, p.Notional, p.InitialMargin, p.MaintMargin, EngineMapping.Time(p.UpdateTime)))
            .ToArray();
        return Task.FromResult(new AccountSnapshot(b.WalletBalance, b.UnrealizedPnl, b.WalletBalance + b.UnrealizedPnl, b.TotalInitialMargin, b.TotalMaintMargin, b.AvailableBalance, b.AvailableBalance, [asset], positions));
    }

    public Task<IReadOnlyList<Position>> GetPositionsAsync(string? symbol = null, CancellationToken cancellationToken = default) =>
        Call(() => (IReadOnlyList<Position>)_engine.Positions(ApiKey, symbol, includeOpenOrderSymbols: false).Select(EngineMapping.Position).ToArray());

    public Task<CommissionRate> GetCommissionRateAsync(string symbol, CancellationToken cancellationToken = default) =>
        Task.FromResult(new CommissionRate(symbol, _fill.MakerFee, _fill.TakerFee));

    public async Task<LeverageSetting> SetLeverageAsync(string symbol, int leverage, CancellationToken cancellationToken = default)
    {
        var view = await Call(() => _engine.SetLeverage(ApiKey, symbol, leverage));
        _settings[symbol] = (leverage, _settings.TryGetValue(symbol, out var s) ? s.MarginType : _options.DefaultMarginType);
        await DispatchAsync();
        return new LeverageSetting(symbol, view.Leverage, view.MaxNotionalValue);
    }

    public async Task<ConfigChangeOutcome> SetMarginTypeAsync(string symbol, MarginType marginType, CancellationToken cancellationToken = default)
    {
        var target = marginType == MarginType.Isolated ? Sim.MarginType.Isolated : Sim.MarginType.Crossed;
        try
        {
            _engine.SetMarginType(ApiKey, symbol, target);
            _settings[symbol] = (_settings.TryGetValue(symbol, out var s) ? s.Leverage : _options.DefaultLeverage, target);
            await DispatchAsync();
            return ConfigChangeOutcome.Changed;
        }
        catch (Sim.ExchangeRejectedException ex) when (ex.Code == -4046)
        {
            return ConfigChangeOutcome.AlreadySet;
        }
        catch (Sim.ExchangeRejectedException ex)
        {
            throw EngineMapping.Rejection(ex);
        }
    }

    public Task<ConfigChangeOutcome> SetPositionModeAsync(bool hedgeMode, CancellationToken cancellationToken = default)
    {
        try
        {
            _engine.SetDualSidePosition(ApiKey, hedgeMode);
            return Task.FromResult(ConfigChangeOutcome.Changed);
        }
        catch (Sim.ExchangeRejectedException ex) when (ex.Code == -4059)
        {
            return Task.FromResult(ConfigChangeOutcome.AlreadySet);
        }
        catch (Sim.ExchangeRejectedException ex)
        {
            throw EngineMapping.Rejection(ex);
        }
    }

    public async Task<OrderSnapshot> PlaceMarketOrderAsync(MarketOrderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var book = Book(request.Symbol);
        var spec = _engine.GetSymbol(request.Symbol);
        var quantity = Math.Floor(request.Quantity / spec.StepSize) * spec.StepSize;
        MoveToNextOpen(book);
        var open = book.Upcoming!.Value.Open;
        var extra = _fill.VolatilitySlippageFraction * (book.Current is { } c ? c.High - c.Low : 0m);
        var at = EngineMapping.Time(book.Upcoming.Value.OpenMs);
        if (extra > 0)
        {
            // The engine fills at its last price (plus the fixed bps): move it by the volatility slippage for this fill only.
            _engine.AdvanceTo(request.Symbol, at, request.Side == OrderSide.Buy ? open + extra : Math.Max(spec.TickSize, open - extra));
        }

        try
        {
            var view = _engine.PlaceOrder(ApiKey, new Sim.NewOrder(request.Symbol, EngineMapping.Side(request.Side), Sim.OrderType.Market, quantity, null, Sim.TimeInForce.Gtc, request.ReduceOnly, request.ClientOrderId));
            return EngineMapping.Snapshot(view);
        }
        catch (Sim.ExchangeRejectedException ex)
        {
            throw EngineMapping.Rejection(ex);
        }
        finally
        {
            if (extra > 0)
            {
                _engine.AdvanceTo(request.Symbol, at, open);
            }

            _engineDirty = true;
            await DispatchAsync();
        }
    }

    public async Task<AlgoOrderSnapshot> PlaceConditionalOrderAsync(ConditionalOrderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var spec = _engine.GetSymbol(request.Symbol);
        var stop = request.Type == ConditionalOrderType.StopMarket;
        var roundDown = (stop && request.Side == OrderSide.Sell) || (!stop && request.Side == OrderSide.Buy);
        var trigger = roundDown ? Math.Floor(request.TriggerPrice / spec.TickSize) * spec.TickSize : Math.Ceiling(request.TriggerPrice / spec.TickSize) * spec.TickSize;
        var order = new Sim.NewAlgoOrder(request.Symbol, EngineMapping.Side(request.Side), stop ? Sim.AlgoOrderType.StopMarket : Sim.AlgoOrderType.TakeProfitMarket, trigger,
            request.Quantity, null, EngineMapping.Working(request.WorkingType), request.ClosePosition, request.ReduceOnly, request.PriceProtect, Sim.TimeInForce.Gtc, request.ClientAlgoId);
        try
        {
            return EngineMapping.Snapshot(_engine.PlaceAlgoOrder(ApiKey, order));
        }
        catch (Sim.ExchangeRejectedException ex)
        {
            throw EngineMapping.Rejection(ex);
        }
        finally
        {
            _engineDirty = true;
            await DispatchAsync();
        }
    }

    public Task<OrderSnapshot?> GetOrderAsync(string symbol, string clientOrderId, CancellationToken cancellationToken = default) =>
        Call(() => (OrderSnapshot?)EngineMapping.Snapshot(_engine.QueryOrder(ApiKey, symbol, null, clientOrderId)), notFound: null);

    public Task<AlgoOrderSnapshot?> GetAlgoOrderAsync(string symbol, string clientAlgoId, CancellationToken cancellationToken = default) =>
        Call(() => (AlgoOrderSnapshot?)EngineMapping.Snapshot(_engine.QueryAlgoOrder(ApiKey, null, clientAlgoId)), notFound: null);

    public async Task<OrderSnapshot?> CancelOrderAsync(string symbol, string clientOrderId, CancellationToken cancellationToken = default)
    {
        var result = await Call(() => (OrderSnapshot?)EngineMapping.Snapshot(_engine.CancelOrder(ApiKey, symbol, null, clientOrderId)), notFound: null);
        await DispatchAsync();
        return result;
    }

    public async Task<bool> CancelAlgoOrderAsync(string symbol, string clientAlgoId, CancellationToken cancellationToken = default)
    {
        var result = await Call(() => _engine.CancelAlgoOrder(ApiKey, null, clientAlgoId) is not null, notFound: false);
        await DispatchAsync();
        return result;
    }

    public Task<IReadOnlyList<OrderSnapshot>> GetOpenOrdersAsync(string? symbol = null, CancellationToken cancellationToken = default) =>
        Call(() => (IReadOnlyList<OrderSnapshot>)_engine.OpenOrders(ApiKey, symbol).Select(EngineMapping.Snapshot).ToArray());

    public Task<IReadOnlyList<AlgoOrderSnapshot>> GetOpenAlgoOrdersAsync(string? symbol = null, CancellationToken cancellationToken = default) =>
        Call(() => (IReadOnlyList<AlgoOrderSnapshot>)_engine.OpenAlgoOrders(ApiKey, symbol).Select(EngineMapping.Snapshot).ToArray());

    public Task<IReadOnlyList<AlgoOrderSnapshot>> GetAlgoOrderHistoryAsync(AlgoOrderHistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Call(() => (IReadOnlyList<AlgoOrderSnapshot>)_engine.AllAlgoOrders(ApiKey, query.Symbol, null, query.From?.ToUnixTimeMilliseconds(), query.To?.ToUnixTimeMilliseconds(), query.Limit ?? 500)
            .Select(EngineMapping.Snapshot).ToArray());
    }

    public async Task<CancelAllResult> CancelAllOrdersAsync(string symbol, CancellationToken cancellationToken = default)
    {
        await Call(() => _engine.CancelAllOrders(ApiKey, symbol) + _engine.CancelAllAlgoOrders(ApiKey, symbol));
        await DispatchAsync();
        return new CancelAllResult(symbol, true, true);
    }

    public Task<IAsyncDisposable> SubscribeMarketAsync(MarketSubscription subscription, StreamEventHandler handler, CancellationToken cancellationToken = default) =>
        Task.FromResult<IAsyncDisposable>(new Unsubscriber(() => { }));

    public Task<IAsyncDisposable> SubscribeUserAsync(StreamEventHandler handler, CancellationToken cancellationToken = default)
    {
        _userHandlers.Add(handler);
        return Task.FromResult<IAsyncDisposable>(new Unsubscriber(() => _userHandlers.Remove(handler)));
    }

    private SymbolBook Book(string symbol) =>
        _books.TryGetValue(symbol, out var book) ? book : throw new ExchangeRejectedException(-1121, 400, "Invalid symbol.");

    /// <summary>Moves the engine to the next bar's open (a jump: resting orders the gap crosses fill at the open).</summary>
    private void MoveToNextOpen(SymbolBook book)
    {
        if (book.Upcoming is not { } next)
        {
            throw new ExchangeRejectedException(null, null, $"{book.Symbol}: no next bar in the backtest data, so there is no price to fill at (end of data)", isLocal: true);
        }

        var at = EngineMapping.Time(next.OpenMs);
        if (_engine.Now < at || _engine.LastPrice(book.Symbol) == 0)
        {
            _engine.AdvanceTo(book.Symbol, at, next.Open);
        }
    }

    private static InstrumentRules Rules(Sim.SymbolSpec s) =>
        new(s.Symbol, "TRADING", "PERPETUAL", s.BaseAsset, "USDT", "USDT", s.PricePrecision, s.QuantityPrecision, new PriceFilter(s.MinPrice, s.MaxPrice, s.TickSize),
            new LotSizeFilter(s.MinQty, s.MaxQty, s.StepSize), new LotSizeFilter(s.MinQty, s.MarketMaxQty, s.StepSize), s.MinNotional,
            new PercentPriceFilter(s.PercentPriceUp, s.PercentPriceDown, 4), 200, 0.05m);

    private static Task<T> Call<T>(Func<T> action)
    {
        try
        {
            return Task.FromResult(action());
        }
        catch (Sim.ExchangeRejectedException ex)
        {
            return Task.FromException<T>(EngineMapping.Rejection(ex));
        }
    }

    private static Task<T> Call<T>(Func<T> action, T notFound)
    {
        try
        {
            return Task.FromResult(action());
        }
        catch (Sim.ExchangeRejectedException ex) when (ex.Code is -2011 or -2013)
        {
            return Task.FromResult(notFound);
        }
        catch (Sim.ExchangeRejectedException ex)
        {
            return Task.FromException<T>(EngineMapping.Rejection(ex));
        }
    }

    private sealed class Unsubscriber(Action dispose) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            dispose();
            return ValueTask.CompletedTask;
        }
    }
}
