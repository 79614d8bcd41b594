using TradingBot.Backtest.Data;
using TradingBot.Exchange.Port;
using Sim = TradingBot.Exchange.Simulator.Matching;

namespace TradingBot.Backtest.Simulation;

/// <summary>
/// The exchange port over the simulator's matching engine, in process and synchronous: the same fee, trigger,
/// funding-sign and isolated-liquidation rules as the loopback simulator, without HTTP or WebSockets. User events go to
/// the subscribed handler (the grains' ExchangeGateway) exactly as the Binance client would deliver them.
/// <para>
/// Fill timing: the runner walks each closed 1m bar's price path into the engine before the grains see the bar, and
/// tells this exchange which bar comes next. A MARKET order placed while the grains react to bar t is filled at bar
/// t+1's open (moved there first), never at bar t's close, and completes at once with that price — the runner knows the
/// next bar only as the fill price; the grains see nothing of it until it closes.
/// </para>
/// </summary>
internal sealed partial class BacktestExchange : IExchange
{
    public const string ApiKey = "backtest";
    private readonly MarketDataSet _data;
    private readonly FillModel _fill;
    private readonly TimeProvider _clock;
    private readonly Sim.EngineOptions _options;
    private readonly Dictionary<string, SymbolBook> _books = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<PositionFlows>> _closedFlows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Leverage, Sim.MarginType MarginType)> _settings = new(StringComparer.Ordinal);
    private readonly List<StreamEventHandler> _userHandlers = [];
    private Sim.MatchingEngine _engine;
    private bool _engineDirty;
    private bool _dispatching;
    private bool _fundingDeposit;

    public BacktestExchange(MarketDataSet data, FillModel fill, TimeProvider clock, decimal initialBalance)
    {
        ArgumentNullException.ThrowIfNull(data);
        _data = data;
        _fill = fill;
        _clock = clock;
        _options = new Sim.EngineOptions
        {
            TakerFeeRate = fill.TakerFee,
            MakerFeeRate = fill.MakerFee,
            MarketSlippage = fill.SlippageBps / 10_000m,
            MaintenanceMarginRate = fill.MaintenanceMarginRate,
            FundingRate = 0m, // funding is settled by SettleFunding on the schedule the backtest was given
            Symbols = data.Symbols.Select(Sim.SymbolSpec.For).ToArray(),
        };
        foreach (var symbol in data.Symbols)
        {
            _books[symbol] = new SymbolBook(symbol);
            _closedFlows[symbol] = new Queue<PositionFlows>();
        }

        InitialBalance = initialBalance;
        Wallet = initialBalance;
        _engine = NewEngine(initialBalance);
        _engine.SetTime(clock.GetUtcNow());
    }

    public decimal InitialBalance { get; }

    /// <summary>Wallet balance as the user stream reported it.</summary>
    public decimal Wallet { get; private set; }

    public decimal TotalFees { get; private set; }

    public decimal TotalFunding { get; private set; }

    public long EngineRenewals { get; private set; }

    /// <summary>Wallet plus unrealized PnL of open positions at the last closes.</summary>
    public decimal Equity
    {
        get
        {
            var equity = Wallet;
            foreach (var book in _books.Values)
            {
                if (book.PositionAmount != 0)
                {
                    equity += book.PositionAmount * (book.LastPrice - book.EntryPrice);
                }
            }

            return equity;
        }
    }

    /// <summary>True when any symbol has a position.</summary>
    public bool InMarket
    {
        get
        {
            foreach (var book in _books.Values)
            {
                if (book.PositionAmount != 0)
                {
                    return true;
                }
            }

            return false;
        }
    }

    public decimal PositionAmount(string symbol) => _books[symbol].PositionAmount;

    /// <summary>The exchange-side money flows of the oldest closed position of <paramref name="symbol"/> not yet taken.</summary>
    public PositionFlows? TakeClosedFlows(string symbol) => _closedFlows[symbol].TryDequeue(out var flows) ? flows : null;

    /// <summary>Flows of the position still open on <paramref name="symbol"/> (for the end-of-run mark to market).</summary>
    public PositionFlows OpenFlows(string symbol)
    {
        var book = _books[symbol];
        return new PositionFlows(symbol, book.Realized, book.Fees, book.Funding);
    }

    /// <summary>
    /// Walks bar <paramref name="bar"/> of <paramref name="symbol"/> through the engine (stops, targets and liquidation
    /// trigger on its path) and remembers <paramref name="next"/> as the bar market orders will fill at.
    /// </summary>
    public async ValueTask ApplyBarAsync(string symbol, Bar bar, Bar? next)
    {
        var book = _books[symbol];
        book.Current = bar;
        book.Upcoming = next;
        if (!book.Active)
        {
            // Nothing rests and nothing is held: the engine is only told the price when an order needs it.
            return;
        }

        // The range includes the price before the bar: a gap from there to the open crosses levels too.
        var before = _engine.LastPrice(symbol);
        var low = before > 0 ? Math.Min(bar.Low, before) : bar.Low;
        var high = Math.Max(bar.High, before);
        if (book.NothingTriggersWithin(low, high))
        {
            // No level inside the bar's range: walking the path could not fill anything, so only the close is set
            // (it keeps the mark current for funding, margin and liquidation checks).
            _engine.AdvanceTo(symbol, EngineMapping.Time(bar.OpenMs + 59_999), bar.Close);
            _engineDirty = true;
            await DispatchAsync();
            return;
        }

        var lowFirst = LowFirst(book, bar);
        var first = lowFirst ? bar.Low : bar.High;
        var second = lowFirst ? bar.High : bar.Low;
        _engine.AdvanceTo(symbol, EngineMapping.Time(bar.OpenMs), bar.Open);
        _engine.AdvanceTo(symbol, EngineMapping.Time(bar.OpenMs + 20_000), first, continuous: true);
        _engine.AdvanceTo(symbol, EngineMapping.Time(bar.OpenMs + 40_000), second, continuous: true);
        _engine.AdvanceTo(symbol, EngineMapping.Time(bar.OpenMs + 59_999), bar.Close, continuous: true);
        _engineDirty = true;
        await DispatchAsync();
    }

    /// <summary>
    /// Funding settlement at <paramref name="timeMs"/>: every open position of <paramref name="symbol"/> pays or receives
    /// amount × mark × rate (longs pay a positive rate), booked to the wallet as a FUNDING_FEE account update.
    /// </summary>
    public async ValueTask SettleFundingAsync(string symbol, long timeMs, decimal rate)
    {
        var book = _books[symbol];
        if (book.PositionAmount == 0 || rate == 0)
        {
            return;
        }

        var mark = _engine.MarkPrice(symbol);
        var fee = Math.Round(-book.PositionAmount * mark * rate, 8);
        _engine.SetTime(EngineMapping.Time(timeMs));
        book.Funding += fee;
        TotalFunding += fee;
        _fundingDeposit = true;
        try
        {
            _engine.Deposit(ApiKey, fee);
            await DispatchAsync();
        }
        finally
        {
            _fundingDeposit = false;
        }
    }

    /// <summary>
    /// Re-creates the engine (same wallet, settings, time and prices) when nothing is open: the engine keeps every order
    /// it ever saw and scans them on each price move, so a year of trades would otherwise slow every bar down.
    /// </summary>
    public void CompactIfFlat()
    {
        if (!_engineDirty || _dispatching)
        {
            return;
        }

        foreach (var book in _books.Values)
        {
            if (book.Active)
            {
                return;
            }
        }

        var wallet = _engine.Balance(ApiKey).WalletBalance;
        var now = _engine.Now;
        var prices = _books.Keys.Where(s => _engine.LastPrice(s) > 0).Select(s => (s, _engine.LastPrice(s), _engine.MarkPrice(s))).ToArray();
        var dual = _engine.GetDualSidePosition(ApiKey);
        _engine = NewEngine(wallet);
        _engine.SetTime(now);
        if (dual)
        {
            _engine.SetDualSidePosition(ApiKey, true);
        }

        foreach (var (symbol, (leverage, marginType)) in _settings)
        {
            _engine.SetMarginType(ApiKey, symbol, marginType);
            _engine.SetLeverage(ApiKey, symbol, leverage);
        }

        foreach (var (symbol, last, mark) in prices)
        {
            _engine.AdvanceTo(symbol, now, last, mark: mark);
        }

        _engine.DrainEvents();
        _engineDirty = false;
        EngineRenewals++;
    }

    private Sim.MatchingEngine NewEngine(decimal wallet)
    {
        var engine = new Sim.MatchingEngine(_options);
        engine.AddAccount(new Sim.AccountSpec(ApiKey, "backtest-secret", wallet));
        return engine;
    }

    private bool LowFirst(SymbolBook book, Bar bar)
    {
        if (_fill.StopBeforeTarget && book.OpenAlgos.Count > 1)
        {
            (bool Above, decimal Trigger, bool IsStop)? stop = null;
            var targetInside = false;
            foreach (var algo in book.OpenAlgos.Values)
            {
                var inside = algo.Trigger >= bar.Low && algo.Trigger <= bar.High;
                if (algo.IsStop && inside)
                {
                    stop = algo;
                }
                else if (!algo.IsStop && inside)
                {
                    targetInside = true;
                }
            }

            if (stop is { } s && targetInside)
            {
                // A stop that fires when price falls (long's stop) is reached by visiting the low first.
                return !s.Above;
            }
        }

        return bar.IsGreen;
    }

    /// <summary>Sends the engine's new events to the user-stream handlers, keeping the books in step.</summary>
    private async ValueTask DispatchAsync()
    {
        var events = _engine.DrainEvents();
        if (events.Count == 0)
        {
            return;
        }

        _dispatching = true;
        try
        {
            foreach (var e in events)
            {
                Track(e);
                if (EngineMapping.Event(e, _fundingDeposit) is not { } mapped)
                {
                    continue;
                }

                foreach (var handler in _userHandlers)
                {
                    await handler(mapped, CancellationToken.None);
                }
            }
        }
        finally
        {
            _dispatching = false;
        }
    }

    private void Track(Sim.UserEvent e)
    {
        switch (e)
        {
            case Sim.OrderTradeUpdate { LastFilledQty: > 0 } fill when fill.Execution is Sim.ExecutionType.Trade or Sim.ExecutionType.Calculated:
                var book = _books[fill.Order.Symbol];
                if (book.PositionAmount == 0)
                {
                    book.Realized = 0;
                    book.Fees = 0;
                    book.Funding = 0;
                }

                book.Realized += fill.RealizedProfit;
                book.Fees += fill.Commission;
                TotalFees += fill.Commission;
                break;
            case Sim.AccountUpdate account:
                Wallet = account.WalletBalance;
                foreach (var position in account.Positions)
                {
                    var target = _books[position.Symbol];
                    var wasOpen = target.PositionAmount != 0;
                    target.PositionAmount = position.PositionAmt;
                    target.EntryPrice = position.EntryPrice;
                    target.LiquidationPrice = position.LiquidationPrice;
                    if (wasOpen && position.PositionAmt == 0)
                    {
                        _closedFlows[position.Symbol].Enqueue(new PositionFlows(position.Symbol, target.Realized, target.Fees, target.Funding));
                    }
                }

                break;
            case Sim.AlgoUpdate algo:
                var algos = _books[algo.Algo.Symbol].OpenAlgos;
                if (algo.Algo.Status == Sim.AlgoStatus.New)
                {
                    var above = algo.Algo.Type is Sim.AlgoOrderType.StopMarket or Sim.AlgoOrderType.Stop ? algo.Algo.Side == Sim.Side.Buy : algo.Algo.Side == Sim.Side.Sell;
                    algos[algo.Algo.ClientAlgoId] = (above, algo.Algo.TriggerPrice, algo.Algo.Type is Sim.AlgoOrderType.StopMarket or Sim.AlgoOrderType.Stop);
                }
                else
                {
                    algos.Remove(algo.Algo.ClientAlgoId);
                }

                break;
        }
    }
}
