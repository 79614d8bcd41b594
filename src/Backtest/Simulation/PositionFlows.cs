namespace TradingBot.Backtest.Simulation;

/// <summary>Money that moved for one position on the exchange side (what the wallet saw).</summary>
/// <param name="Symbol">Symbol.</param>
/// <param name="Realized">Realized PnL as the exchange booked it (for a liquidation: minus the lost isolated margin).</param>
/// <param name="Fees">Commissions paid.</param>
/// <param name="Funding">Funding received (positive) or paid (negative).</param>
public sealed record PositionFlows(string Symbol, decimal Realized, decimal Fees, decimal Funding)
{
    /// <summary>Wallet change caused by the position.</summary>
    public decimal Net => Realized - Fees + Funding;
}
