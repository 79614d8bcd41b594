namespace TradingBot.Exchange.Simulator.Accounts;

/// <summary>One-way position of one symbol.</summary>
internal sealed class SimPosition
{
    public required string Symbol { get; init; }
    public decimal Amount { get; set; }
    public decimal EntryPrice { get; set; }
    public decimal IsolatedWallet { get; set; }
    public decimal AccumulatedRealized { get; set; }
    public long UpdateTime { get; set; }
}
