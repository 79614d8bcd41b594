using TradingBot.Exchange.Simulator.Matching;

namespace TradingBot.Exchange.Simulator.Accounts;

/// <summary>Leverage and margin mode of one symbol for one account.</summary>
internal sealed class SymbolSettings
{
    public int Leverage { get; set; }
    public MarginType MarginType { get; set; }
}

/// <summary>Engine-side state of one account (USDT-margined, one-way mode).</summary>
internal sealed class SimAccount
{
    public SimAccount(string apiKey, string secret, decimal wallet)
    {
        ApiKey = apiKey;
        Secret = secret;
        Wallet = wallet;
    }

    public string ApiKey { get; }
    public string Secret { get; }
    public decimal Wallet { get; set; }
    public bool DualSidePosition { get; set; }
    public long UpdateTime { get; set; }
    public Dictionary<string, SymbolSettings> Settings { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, SimPosition> Positions { get; } = new(StringComparer.Ordinal);
    public List<SimOrder> Orders { get; } = [];
    public List<SimAlgoOrder> Algos { get; } = [];
    public List<TradeView> Trades { get; } = [];

    public SimPosition Position(string symbol)
    {
        if (!Positions.TryGetValue(symbol, out var position))
        {
            position = new SimPosition { Symbol = symbol };
            Positions[symbol] = position;
        }

        return position;
    }

    public IEnumerable<SimOrder> OpenOrders(string? symbol) =>
        Orders.Where(o => o.IsOpen && (symbol is null || o.Symbol == symbol));

    public IEnumerable<SimAlgoOrder> OpenAlgos(string? symbol) =>
        Algos.Where(a => a.IsOpen && (symbol is null || a.Symbol == symbol));
}
