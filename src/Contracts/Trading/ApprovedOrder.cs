using TradingBot.Contracts.Market;

namespace TradingBot.Contracts.Trading;

/// <summary>A signal the RiskGrain sized and approved; the OrderGrain executes it.</summary>
/// <param name="Signal">The originating signal.</param>
/// <param name="Quantity">Base-asset quantity, already rounded to the exchange step.</param>
/// <param name="StopLoss">Stop trigger, rounded to the tick away from the entry.</param>
/// <param name="TakeProfit">Take-profit trigger, rounded to the tick.</param>
/// <param name="Leverage">Leverage set on the exchange.</param>
/// <param name="RiskAmount">Quote amount lost if the stop is hit (before fees).</param>
public sealed record ApprovedOrder(TradeSignal Signal, decimal Quantity, decimal StopLoss, decimal TakeProfit, int Leverage, decimal RiskAmount)
{
    public string Symbol => Signal.Symbol;

    public Direction Direction => Signal.Direction;

    public OrderSide EntrySide => Signal.Direction == Direction.Bullish ? OrderSide.Buy : OrderSide.Sell;
}
