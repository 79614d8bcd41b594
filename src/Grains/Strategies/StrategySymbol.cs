using TradingBot.Contracts.Grains;
using TradingBot.Contracts.Trading;
using TradingBot.Trading.Strategies;

namespace TradingBot.Grains.Strategies;

/// <summary>
/// What a StrategyGrain keeps per symbol, found with one lookup per indicator item: the market view, the signal held
/// until the minute's 1m snapshot, which verdicts the gate wants, and the gate's reference.
/// </summary>
internal sealed class StrategySymbol(string symbol, ISignalGateGrain gate)
{
    public string Symbol { get; } = symbol;

    public MarketView View { get; } = new(symbol);

    public VerdictReporting Reporting { get; } = new();

    public ISignalGateGrain Gate { get; } = gate;

    /// <summary>This minute's signal, reported with the 1m snapshot (the last one published for a minute).</summary>
    public TradeSignal? Held { get; set; }
}
