using System.Collections.Immutable;
using TradingBot.Contracts.Market;

namespace TradingBot.Contracts.Trading;

/// <summary>A strategy's proposal to enter. Only the RiskGrain can turn it into an order.</summary>
/// <param name="Id">Deterministic id (strategy, symbol, direction, trigger bar) used for duplicate suppression.</param>
/// <param name="Strategy">"A", "B" or "C".</param>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="Direction">Bullish = long, bearish = short.</param>
/// <param name="Entry">The price the signal was computed at (the trigger bar's close).</param>
/// <param name="StopLoss">Structural level plus tolerance.</param>
/// <param name="TakeProfit">The next liquidity level in the trade's direction.</param>
/// <param name="Confidence">0–1.</param>
/// <param name="ZoneIds">Ids of the zones, pools, sweeps and breaks that justify the signal; the first is the primary evidence.</param>
/// <param name="At">Close time of the trigger bar.</param>
public sealed record TradeSignal(
    string Id,
    string Strategy,
    string Symbol,
    Direction Direction,
    decimal Entry,
    decimal StopLoss,
    decimal TakeProfit,
    double Confidence,
    ImmutableArray<string> ZoneIds,
    DateTimeOffset At)
{
    /// <summary>Price distance from entry to stop.</summary>
    public decimal RiskPerUnit => Math.Abs(Entry - StopLoss);

    /// <summary>Reward divided by risk; 0 when the stop equals the entry.</summary>
    public decimal RewardToRisk => RiskPerUnit == 0 ? 0 : Math.Abs(TakeProfit - Entry) / RiskPerUnit;
}
