using TradingBot.Exchange.Simulator.Accounts;

namespace TradingBot.Exchange.Simulator.Matching;

/// <summary>
/// Deterministic, synchronous USDⓈ-M futures matching engine with no I/O. Not thread-safe: callers serialize access
/// (the server takes a lock; the backtester calls it from one thread). Time only moves forward through
/// <see cref="SetTime"/>/<see cref="AdvanceTo"/>. Every state change appends <see cref="UserEvent"/>s in Binance's order;
/// read them with <see cref="DrainEvents"/>.
/// </summary>
public sealed partial class MatchingEngine
{
    private readonly Dictionary<string, SimAccount> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MarketState> _markets = new(StringComparer.Ordinal);
    private readonly List<UserEvent> _events = [];
    private readonly List<FundingRecord> _fundingHistory = [];
    private long _nextOrderId = 8_389_765_000_000;
    private long _nextAlgoId = 1_000_000_100_000_000;
    private long _nextTradeId = 5_000_000_000;
    private long _nextClientId = 1;
    private bool _timeSet;

    public MatchingEngine(EngineOptions? options = null)
    {
        Options = options ?? new EngineOptions();
        foreach (var spec in Options.Symbols)
        {
            _markets[spec.Symbol] = new MarketState(spec);
        }
    }

    /// <summary>Engine configuration.</summary>
    public EngineOptions Options { get; }

    /// <summary>Engine time (simulated market time).</summary>
    public DateTimeOffset Now { get; private set; } = DateTimeOffset.UnixEpoch;

    /// <summary>Engine time in Unix ms.</summary>
    public long NowMs => Now.ToUnixTimeMilliseconds();

    /// <summary>Symbols and their rules.</summary>
    public IReadOnlyList<SymbolSpec> Symbols => Options.Symbols;

    /// <summary>Funding settlements so far (GET /fapi/v1/fundingRate).</summary>
    public IReadOnlyList<FundingRecord> FundingHistory => _fundingHistory;

    /// <summary>Rules of a symbol; -1121 if unknown.</summary>
    public SymbolSpec GetSymbol(string symbol) => Market(symbol).Spec;

    /// <summary>True when the symbol is traded here.</summary>
    public bool HasSymbol(string symbol) => _markets.ContainsKey(symbol);

    /// <summary>Last trade price (0 until the first price arrives).</summary>
    public decimal LastPrice(string symbol) => Market(symbol).Last;

    /// <summary>Mark price (0 until the first price arrives).</summary>
    public decimal MarkPrice(string symbol) => Market(symbol).Mark;

    /// <summary>Next funding time after engine time.</summary>
    public DateTimeOffset NextFundingTime
    {
        get
        {
            var intervalMs = (long)Options.FundingInterval.TotalMilliseconds;
            return DateTimeOffset.FromUnixTimeMilliseconds(((NowMs / intervalMs) + 1) * intervalMs);
        }
    }

    /// <summary>Creates an account; replaces nothing (duplicate keys throw).</summary>
    public void AddAccount(AccountSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!_accounts.TryAdd(spec.ApiKey, new SimAccount(spec.ApiKey, spec.Secret, spec.UsdtBalance)))
        {
            throw new InvalidOperationException($"Account '{spec.ApiKey}' already exists.");
        }
    }

    /// <summary>Secret of an API key, for request verification.</summary>
    public bool TryGetSecret(string apiKey, out string secret)
    {
        if (_accounts.TryGetValue(apiKey, out var account))
        {
            secret = account.Secret;
            return true;
        }

        secret = string.Empty;
        return false;
    }

    /// <summary>True when the API key belongs to an account.</summary>
    public bool HasAccount(string apiKey) => _accounts.ContainsKey(apiKey);

    /// <summary>Events emitted since the last call, oldest first.</summary>
    public IReadOnlyList<UserEvent> DrainEvents()
    {
        var drained = _events.ToArray();
        _events.Clear();
        return drained;
    }

    private SimAccount Account(string apiKey) =>
        _accounts.TryGetValue(apiKey, out var account)
            ? account
            : throw new ExchangeRejectedException(-2015, "Invalid API-key, IP, or permissions for action.", 401);

    private MarketState Market(string symbol) =>
        _markets.TryGetValue(symbol, out var market) ? market : throw Errors.InvalidSymbol();

    private SymbolSettings Settings(SimAccount account, string symbol)
    {
        if (!account.Settings.TryGetValue(symbol, out var settings))
        {
            settings = new SymbolSettings { Leverage = Options.DefaultLeverage, MarginType = Options.DefaultMarginType };
            account.Settings[symbol] = settings;
        }

        return settings;
    }

    private string NextClientId(string prefix) => $"{prefix}{_nextClientId++:D16}";

    private void Emit(UserEvent e) => _events.Add(e);

    /// <summary>Per-symbol price state.</summary>
    private sealed class MarketState(SymbolSpec spec)
    {
        public SymbolSpec Spec { get; } = spec;
        public decimal Last { get; set; }
        public decimal Mark { get; set; }
        public bool HasPrice => Last > 0;
    }
}

/// <summary>One funding settlement.</summary>
public sealed record FundingRecord(string Symbol, long FundingTime, decimal FundingRate, decimal MarkPrice);
