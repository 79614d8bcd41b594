namespace TradingBot.Contracts.Trading;

/// <summary>
/// A strategy's verdict on one closed bar of one symbol: the signal it would take, or none. Every started
/// strategy judges every bar (also when switched off); signals are always reported, a "none" while the signal gate
/// asked for every verdict, so the gate knows when all have spoken on a bar it holds.
/// </summary>
/// <param name="Strategy">"A", "B" or "C".</param>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="BarClose">Close time of the 1m bar (and of any 15m/1h bar closing with it) that was evaluated.</param>
/// <param name="Signal">The strategy's signal for this bar, null when its rules were not met.</param>
public sealed record StrategyEvaluation(string Strategy, string Symbol, DateTimeOffset BarClose, TradeSignal? Signal);
