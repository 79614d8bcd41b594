namespace TradingBot.Contracts;

/// <summary>Stream provider and namespace names, in one place (as in the Orleans streaming samples).</summary>
public static class StreamNames
{
    public const string Provider = "bot";

    /// <summary>Key: symbol. Items: closed 1m candles from the exchange (<see cref="Events.CandleClosed"/>), into the SymbolGrain.</summary>
    public const string Klines = "klines";

    /// <summary>Key: symbol. Items: <see cref="Events.CandleClosed"/> of every timeframe, out of the SymbolGrain.</summary>
    public const string Candles = "candles";

    /// <summary>Key: symbol. Items: user-stream order, algo and mark events (<see cref="Events.IBotEvent"/>), into the PositionGrain.</summary>
    public const string Exchange = "exchange";

    /// <summary>Key: account. Items: balance updates (<see cref="Exchange.ExchangeAccountUpdate"/>), into the RiskGrain.</summary>
    public const string Account = "account";

    /// <summary>Key: symbol. Items: <see cref="Events.IndicatorsUpdated"/>.</summary>
    public const string Indicators = "indicators";

    /// <summary>Key: "all". Items: <see cref="Events.SignalGenerated"/>.</summary>
    public const string Signals = "signals";

    /// <summary>Key: account. Items: order events.</summary>
    public const string Orders = "orders";

    /// <summary>Key: account. Items: position events.</summary>
    public const string Positions = "positions";

    /// <summary>Key: account. Items: risk events.</summary>
    public const string Risk = "risk";

    /// <summary>Key: "silo". Items: system, connection and config events.</summary>
    public const string System = "system";
}
