using TradingBot.Exchange.Model;
using TradingBot.Exchange.Model.Events;
using TradingBot.Exchange.Port;

namespace TradingBot.Grains.Tests.Support;

/// <summary>
/// An in-memory exchange for grain tests: market orders fill at the last price with the taker fee,
/// conditional orders rest until <see cref="SetPrice"/> crosses them (then fill at the trigger), and
/// every fill goes to the user-stream handlers like ORDER_TRADE_UPDATE / ALGO_UPDATE would.
/// Faults are scripted per call (<see cref="FailNextOrders"/>).
/// </summary>
internal sealed class MemoryExchange : IExchange
{
    public const decimal TakerFee = 0.0005m;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, decimal> _prices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (decimal Quantity, decimal Entry)> _positions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OrderSnapshot> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AlgoOrderSnapshot> _algos = new(StringComparer.Ordinal);
    private readonly List<StreamEventHandler> _userHandlers = [];
    private readonly Queue<ExchangeException> _failures = new();
    private long _ids = 1000;

    public decimal Wallet { get; private set; } = 10_000m;

    public DateTimeOffset Now { get; set; } = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public List<MarketOrderRequest> MarketOrders { get; } = [];

    public List<ConditionalOrderRequest> ConditionalOrders { get; } = [];

    public IReadOnlyDictionary<string, AlgoOrderSnapshot> Algos => _algos;

    public decimal PositionOf(string symbol) => _positions.GetValueOrDefault(symbol).Quantity;

    /// <summary>The next order calls fail with these exceptions, in order.</summary>
    public void FailNextOrders(params ExchangeException[] failures)
    {
        foreach (var failure in failures)
        {
            _failures.Enqueue(failure);
        }
    }

    /// <summary>Moves the price; resting stops/targets that it crosses trigger and fill.</summary>
    public async Task SetPrice(string symbol, decimal price)
    {
        List<StreamEvent> events = [];
        lock (_gate)
        {
            _prices[symbol] = price;
            foreach (var algo in _algos.Values.Where(a => a.Symbol == symbol && a.Status == AlgoOrderStatus.New).ToList())
            {
                var sell = algo.Side == OrderSide.Sell;
                var hit = algo.Type == OrderType.StopMarket ? (sell ? price <= algo.TriggerPrice : price >= algo.TriggerPrice) : (sell ? price >= algo.TriggerPrice : price <= algo.TriggerPrice);
                if (!hit)
                {
                    continue;
                }

                var quantity = Math.Abs(PositionOf(symbol));
                var childId = ++_ids;
                _algos[algo.ClientAlgoId] = algo with { Status = AlgoOrderStatus.Finished, ActualOrderId = childId, ActualPrice = algo.TriggerPrice, ActualQuantity = quantity, TriggerTime = Now };
                events.Add(Fill(symbol, $"child-{childId}", childId, algo.Side, quantity, algo.TriggerPrice, reduceOnly: true));
                events.Add(AlgoEvent(_algos[algo.ClientAlgoId]));
            }
        }

        foreach (var e in events)
        {
            await PushUserAsync(e);
        }
    }

    public async Task PushUserAsync(StreamEvent e)
    {
        foreach (var handler in _userHandlers.ToList())
        {
            await handler(e, CancellationToken.None);
        }
    }

    public Task<DateTimeOffset> GetServerTimeAsync(CancellationToken cancellationToken = default) => Task.FromResult(Now);

    public Task<IReadOnlyList<InstrumentRules>> GetInstrumentsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<InstrumentRules>>([Rules("BTCUSDT", 0.1m, 100m), Rules("ETHUSDT", 0.01m, 20m)]);

    public async Task<InstrumentRules> GetInstrumentAsync(string symbol, CancellationToken cancellationToken = default) =>
        (await GetInstrumentsAsync(cancellationToken)).Single(r => r.Symbol == symbol);

    /// <summary>1m history per symbol; 15m and 1h are aggregated from it like the exchange does.</summary>
    public Dictionary<string, IReadOnlyList<Contracts.Market.Candle>> History { get; } = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<Kline>> GetKlinesAsync(KlineQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!History.TryGetValue(query.Symbol, out var minutes))
        {
            return Task.FromResult<IReadOnlyList<Kline>>([]);
        }

        var span = query.Interval.Duration();
        var to = query.To ?? Now;
        var klines = minutes
            .Where(c => c.OpenTime >= query.From && c.CloseTime <= to)
            .GroupBy(c => new DateTimeOffset(c.OpenTime.UtcTicks - (c.OpenTime.UtcTicks % span.Ticks), TimeSpan.Zero))
            .Where(g => g.Count() == (int)(span.TotalMinutes))
            .Select(g => new Kline(query.Symbol, query.Interval, g.Key, g.Key + span - TimeSpan.FromMilliseconds(1), g.First().Open, g.Max(c => c.High), g.Min(c => c.Low), g.Last().Close,
                g.Sum(c => c.Volume), 0, 0, 0, 0, true))
            .ToList();
        if (query.MaxCount is { } max && klines.Count > max)
        {
            klines = klines.Skip(klines.Count - max).ToList();
        }

        return Task.FromResult<IReadOnlyList<Kline>>(klines);
    }

    public Task<MarkPrice> GetMarkPriceAsync(string symbol, CancellationToken cancellationToken = default) =>
        Task.FromResult(new MarkPrice(symbol, _prices.GetValueOrDefault(symbol), 0, 0, 0.0001m, Now.AddHours(8), Now));

    public Task<IReadOnlyList<AssetBalance>> GetBalancesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AssetBalance>>([new AssetBalance("USDT", Wallet, Wallet, 0, Wallet, Wallet, Now)]);

    public Task<AccountSnapshot> GetAccountAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var positions = _positions.Where(p => p.Value.Quantity != 0).Select(p => new AccountPosition(p.Key, PositionSide.Both, p.Value.Quantity, 0, 0, 0, 0, Now)).ToList();
            return Task.FromResult(new AccountSnapshot(Wallet, 0, Wallet, 0, 0, Wallet, Wallet, [], positions));
        }
    }

    public Task<IReadOnlyList<Position>> GetPositionsAsync(string? symbol = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<Position>>(_positions
                .Where(p => p.Value.Quantity != 0 && (symbol is null || p.Key == symbol))
                .Select(p => new Position(p.Key, PositionSide.Both, p.Value.Quantity, p.Value.Entry, p.Value.Entry, _prices.GetValueOrDefault(p.Key), 0, 0, 0, 0, 0, 0, Now))
                .ToList());
        }
    }

    /// <summary>Runs when the bot asks for its commission rate (the OrderGrain does so right after an entry filled).</summary>
    public Action? OnCommissionRateRequested { get; set; }

    /// <summary>Runs before a conditional (SL/TP) order is accepted.</summary>
    public Action<ConditionalOrderRequest>? OnConditionalOrder { get; set; }

    public Task<CommissionRate> GetCommissionRateAsync(string symbol, CancellationToken cancellationToken = default)
    {
        OnCommissionRateRequested?.Invoke();
        return Task.FromResult(new CommissionRate(symbol, 0.0002m, TakerFee));
    }

    public Task<LeverageSetting> SetLeverageAsync(string symbol, int leverage, CancellationToken cancellationToken = default) =>
        Task.FromResult(new LeverageSetting(symbol, leverage, 1_000_000m));

    public Task<ConfigChangeOutcome> SetMarginTypeAsync(string symbol, MarginType marginType, CancellationToken cancellationToken = default) =>
        Task.FromResult(ConfigChangeOutcome.AlreadySet);

    public Task<ConfigChangeOutcome> SetPositionModeAsync(bool hedgeMode, CancellationToken cancellationToken = default) =>
        Task.FromResult(ConfigChangeOutcome.AlreadySet);

    public async Task<OrderSnapshot> PlaceMarketOrderAsync(MarketOrderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        StreamEvent fill;
        OrderSnapshot snapshot;
        lock (_gate)
        {
            MarketOrders.Add(request);
            if (_failures.TryDequeue(out var failure))
            {
                throw failure;
            }

            var price = _prices.GetValueOrDefault(request.Symbol);
            var id = ++_ids;
            snapshot = new OrderSnapshot(id, request.ClientOrderId, request.Symbol, request.Side, PositionSide.Both, OrderType.Market, OrderStatus.Filled, 0, price, request.Quantity, request.Quantity, request.ReduceOnly, false, Now);
            _orders[request.ClientOrderId] = snapshot;
            fill = Fill(request.Symbol, request.ClientOrderId, id, request.Side, request.Quantity, price, request.ReduceOnly);
        }

        await PushUserAsync(fill);
        return snapshot;
    }

    public Task<AlgoOrderSnapshot> PlaceConditionalOrderAsync(ConditionalOrderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        OnConditionalOrder?.Invoke(request);
        lock (_gate)
        {
            ConditionalOrders.Add(request);
            if (_failures.TryDequeue(out var failure))
            {
                throw failure;
            }

            var type = request.Type == ConditionalOrderType.StopMarket ? OrderType.StopMarket : OrderType.TakeProfitMarket;
            var snapshot = new AlgoOrderSnapshot(++_ids, request.ClientAlgoId, request.Symbol, request.Side, PositionSide.Both, type, AlgoOrderStatus.New, 0, request.TriggerPrice,
                request.WorkingType, request.ClosePosition, request.ReduceOnly, false, null, null, null, Now, Now, null);
            _algos[request.ClientAlgoId] = snapshot;
            return Task.FromResult(snapshot);
        }
    }

    public Task<OrderSnapshot?> GetOrderAsync(string symbol, string clientOrderId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_orders.GetValueOrDefault(clientOrderId));
        }
    }

    public Task<AlgoOrderSnapshot?> GetAlgoOrderAsync(string symbol, string clientAlgoId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_algos.GetValueOrDefault(clientAlgoId));
        }
    }

    public Task<OrderSnapshot?> CancelOrderAsync(string symbol, string clientOrderId, CancellationToken cancellationToken = default) => Task.FromResult<OrderSnapshot?>(null);

    public Task<bool> CancelAlgoOrderAsync(string symbol, string clientAlgoId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_algos.TryGetValue(clientAlgoId, out var algo) && algo.Status == AlgoOrderStatus.New)
            {
                _algos[clientAlgoId] = algo with { Status = AlgoOrderStatus.Canceled };
                return Task.FromResult(true);
            }

            return Task.FromResult(false);
        }
    }

    public Task<IReadOnlyList<OrderSnapshot>> GetOpenOrdersAsync(string? symbol = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<OrderSnapshot>>([]);

    public Task<IReadOnlyList<AlgoOrderSnapshot>> GetOpenAlgoOrdersAsync(string? symbol = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<AlgoOrderSnapshot>>(_algos.Values.Where(a => a.Status == AlgoOrderStatus.New && (symbol is null || a.Symbol == symbol)).ToList());
        }
    }

    public Task<IReadOnlyList<AlgoOrderSnapshot>> GetAlgoOrderHistoryAsync(AlgoOrderHistoryQuery query, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<AlgoOrderSnapshot>>(_algos.Values.Where(a => a.Symbol == query.Symbol).ToList());
        }
    }

    public Task<CancelAllResult> CancelAllOrdersAsync(string symbol, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            foreach (var algo in _algos.Values.Where(a => a.Symbol == symbol && a.Status == AlgoOrderStatus.New).ToList())
            {
                _algos[algo.ClientAlgoId] = algo with { Status = AlgoOrderStatus.Canceled };
            }
        }

        return Task.FromResult(new CancelAllResult(symbol, true, true));
    }

    public Task<IAsyncDisposable> SubscribeMarketAsync(MarketSubscription subscription, StreamEventHandler handler, CancellationToken cancellationToken = default) =>
        Task.FromResult<IAsyncDisposable>(new Subscription(() => { }));

    public Task<IAsyncDisposable> SubscribeUserAsync(StreamEventHandler handler, CancellationToken cancellationToken = default)
    {
        _userHandlers.Add(handler);
        return Task.FromResult<IAsyncDisposable>(new Subscription(() => _userHandlers.Remove(handler)));
    }

    private StreamEvent Fill(string symbol, string clientId, long orderId, OrderSide side, decimal quantity, decimal price, bool reduceOnly)
    {
        var signed = side == OrderSide.Buy ? quantity : -quantity;
        var (current, entry) = _positions.GetValueOrDefault(symbol);
        var next = current + signed;
        var realized = Math.Sign(current) != Math.Sign(signed) && current != 0 ? (price - entry) * Math.Min(Math.Abs(signed), Math.Abs(current)) * Math.Sign(current) : 0;
        var newEntry = next == 0 ? 0 : Math.Sign(current) == Math.Sign(signed) || current == 0 ? ((entry * Math.Abs(current)) + (price * quantity)) / Math.Abs(next) : entry;
        _positions[symbol] = (next, newEntry);
        var commission = quantity * price * TakerFee;
        Wallet += realized - commission;
        return new OrderUpdated(Now, Now, symbol, clientId, side, OrderType.Market, OrderType.Market, "GTC", quantity, 0, price, 0, ExecutionType.Trade, OrderStatus.Filled,
            orderId, quantity, quantity, price, "USDT", commission, Now, orderId, false, reduceOnly, WorkingType.ContractPrice, PositionSide.Both, false, realized, null);
    }

    private AlgoOrderUpdated AlgoEvent(AlgoOrderSnapshot a) =>
        new(Now, Now, a.ClientAlgoId, a.AlgoId, "CONDITIONAL", a.Type, a.Symbol, a.Side, PositionSide.Both, a.Quantity, a.Status, a.ActualOrderId, a.ActualPrice ?? 0, a.ActualQuantity ?? 0,
            "MARKET", a.TriggerPrice, 0, a.WorkingType, a.ClosePosition, false, false, a.TriggerTime, null);

    private static InstrumentRules Rules(string symbol, decimal tick, decimal minNotional) =>
        new(symbol, "TRADING", "PERPETUAL", symbol[..^4], "USDT", "USDT", 2, 3, new PriceFilter(tick, 1_000_000m, tick),
            new LotSizeFilter(0.001m, 1000m, 0.001m), new LotSizeFilter(0.001m, 120m, 0.001m), minNotional, null, 200, 0.05m);

    private sealed class Subscription(Action dispose) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            dispose();
            return ValueTask.CompletedTask;
        }
    }
}
