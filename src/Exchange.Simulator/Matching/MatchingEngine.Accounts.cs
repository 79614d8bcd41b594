using TradingBot.Exchange.Simulator.Accounts;

namespace TradingBot.Exchange.Simulator.Matching;

public sealed partial class MatchingEngine
{
    /// <summary>Sets leverage (1–125) for a symbol and emits ACCOUNT_CONFIG_UPDATE.</summary>
    public SymbolConfigView SetLeverage(string apiKey, string symbol, int leverage)
    {
        var account = Account(apiKey);
        Market(symbol);
        if (leverage is < 1 or > 125)
        {
            throw Errors.InvalidLeverage();
        }

        Settings(account, symbol).Leverage = leverage;
        Emit(new AccountConfigUpdate(apiKey, NowMs, NowMs, symbol, leverage));
        return SymbolConfig(account, symbol);
    }

    /// <summary>Sets the margin type; -4046 if unchanged, -4047/-4048 with open orders/position.</summary>
    public void SetMarginType(string apiKey, string symbol, MarginType marginType)
    {
        var account = Account(apiKey);
        Market(symbol);
        var settings = Settings(account, symbol);
        if (settings.MarginType == marginType)
        {
            throw Errors.NoNeedMarginType();
        }

        if (account.OpenOrders(symbol).Any() || account.OpenAlgos(symbol).Any())
        {
            throw Errors.MarginTypeOpenOrders();
        }

        if (account.Position(symbol).Amount != 0)
        {
            throw Errors.MarginTypePosition();
        }

        settings.MarginType = marginType;
    }

    /// <summary>Sets the account-wide position mode; -4059 if unchanged, -4067/-4068 with open orders/positions.</summary>
    public void SetDualSidePosition(string apiKey, bool dualSide)
    {
        var account = Account(apiKey);
        if (account.DualSidePosition == dualSide)
        {
            throw Errors.NoNeedPositionSide();
        }

        if (account.OpenOrders(null).Any() || account.OpenAlgos(null).Any())
        {
            throw Errors.PositionSideOpenOrders();
        }

        if (account.Positions.Values.Any(p => p.Amount != 0))
        {
            throw Errors.PositionSidePosition();
        }

        account.DualSidePosition = dualSide;
    }

    /// <summary>Current position mode (true = hedge).</summary>
    public bool GetDualSidePosition(string apiKey) => Account(apiKey).DualSidePosition;

    /// <summary>Per-symbol configuration (GET /fapi/v1/symbolConfig).</summary>
    public IReadOnlyList<SymbolConfigView> SymbolConfigs(string apiKey, string? symbol)
    {
        var account = Account(apiKey);
        var symbols = symbol is null ? _markets.Keys.ToArray() : [Market(symbol).Spec.Symbol];
        return symbols.Select(s => SymbolConfig(account, s)).ToArray();
    }

    /// <summary>Positions with a non-zero amount, or open orders when <paramref name="includeOpenOrderSymbols"/>.</summary>
    public IReadOnlyList<PositionView> Positions(string apiKey, string? symbol, bool includeOpenOrderSymbols = true)
    {
        var account = Account(apiKey);
        if (symbol is not null)
        {
            Market(symbol);
        }

        return _markets.Keys
            .Where(s => symbol is null || s == symbol)
            .Where(s => account.Position(s).Amount != 0 || (includeOpenOrderSymbols && (account.OpenOrders(s).Any() || account.OpenAlgos(s).Any())))
            .Select(s => PositionViewOf(account, account.Position(s)))
            .ToArray();
    }

    /// <summary>USDT balance and margin totals.</summary>
    public BalanceView Balance(string apiKey) => Balance(Account(apiKey));

    /// <summary>Adds (or with a negative amount removes) USDT, as a deposit; emits ACCOUNT_UPDATE m=DEPOSIT.</summary>
    public void Deposit(string apiKey, decimal amount)
    {
        var account = Account(apiKey);
        account.Wallet += amount;
        Emit(new AccountUpdate(apiKey, NowMs, NowMs, amount >= 0 ? "DEPOSIT" : "WITHDRAW", account.Wallet, CrossWallet(account), amount, [], null));
    }

    private SymbolConfigView SymbolConfig(SimAccount account, string symbol)
    {
        var settings = Settings(account, symbol);
        return new SymbolConfigView(symbol, settings.MarginType, settings.Leverage, MaxNotional(settings.Leverage));
    }

    private static decimal MaxNotional(int leverage) => leverage switch
    {
        > 100 => 50_000m,
        > 50 => 600_000m,
        > 20 => 3_000_000m,
        > 10 => 12_000_000m,
        _ => 80_000_000m,
    };

    private BalanceView Balance(SimAccount account)
    {
        decimal unrealized = 0, crossUnrealized = 0, positionIm = 0, crossPositionIm = 0, maint = 0, orderIm = 0;
        foreach (var position in account.Positions.Values)
        {
            var settings = Settings(account, position.Symbol);
            var mark = Market(position.Symbol).Mark;
            foreach (var order in account.OpenOrders(position.Symbol).Where(o => !o.ReduceOnly))
            {
                orderIm += order.RemainingQty * order.Price / settings.Leverage;
            }

            if (position.Amount == 0)
            {
                continue;
            }

            var upnl = position.Amount * (mark - position.EntryPrice);
            var im = Math.Abs(position.Amount) * mark / settings.Leverage;
            unrealized += upnl;
            positionIm += im;
            maint += Math.Abs(position.Amount) * mark * Options.MaintenanceMarginRate;
            if (settings.MarginType == MarginType.Crossed)
            {
                crossUnrealized += upnl;
                crossPositionIm += im;
            }
        }

        foreach (var order in account.Orders.Where(o => o.IsOpen && !o.ReduceOnly && !account.Positions.ContainsKey(o.Symbol)))
        {
            orderIm += order.RemainingQty * order.Price / Settings(account, order.Symbol).Leverage;
        }

        var crossWallet = CrossWallet(account);
        var available = crossWallet + crossUnrealized - crossPositionIm - orderIm;
        return new BalanceView(account.Wallet, crossWallet, crossUnrealized, unrealized, Math.Max(0, available), positionIm + orderIm, maint, positionIm, orderIm, account.UpdateTime);
    }

    private static decimal CrossWallet(SimAccount account) =>
        account.Wallet - account.Positions.Values.Sum(p => p.IsolatedWallet);

    private PositionView PositionViewOf(SimAccount account, SimPosition position)
    {
        var settings = Settings(account, position.Symbol);
        var mark = Market(position.Symbol).Mark;
        var amount = position.Amount;
        var abs = Math.Abs(amount);
        var mmr = Options.MaintenanceMarginRate;
        var isolated = settings.MarginType == MarginType.Isolated;
        decimal liquidation = 0;
        if (amount != 0)
        {
            // Solves margin + amt·(p − entry) = |amt|·p·mmr for p (isolated margin, or the cross wallet for cross positions).
            var margin = isolated ? position.IsolatedWallet : CrossWallet(account);
            var denominator = amount - (abs * mmr);
            liquidation = denominator == 0 ? 0 : Math.Max(0, ((amount * position.EntryPrice) - margin) / denominator);
        }

        var orderIm = account.OpenOrders(position.Symbol).Where(o => !o.ReduceOnly).Sum(o => o.RemainingQty * o.Price / settings.Leverage);
        var breakEven = amount == 0 ? 0 : position.EntryPrice * (1 + (Math.Sign(amount) * Options.TakerFeeRate));
        return new PositionView(
            position.Symbol, amount, position.EntryPrice, breakEven, mark, amount * (mark - position.EntryPrice), liquidation,
            isolated ? position.IsolatedWallet : 0, abs * mark / settings.Leverage, abs * mark * mmr, orderIm,
            position.AccumulatedRealized, settings.MarginType, settings.Leverage, position.UpdateTime);
    }
}
