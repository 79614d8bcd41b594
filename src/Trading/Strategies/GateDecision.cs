using TradingBot.Contracts.Trading;

namespace TradingBot.Trading.Strategies;

/// <summary>The outcome of one bar at the signal gate.</summary>
/// <param name="BarClose">Close time of the decided bar.</param>
/// <param name="Winner">The signal that goes on to the RiskGrain.</param>
/// <param name="Superseded">Signals of the same bar that lost on priority.</param>
/// <param name="Missing">Expected strategies that had not reported the bar when it was decided (empty normally).</param>
/// <param name="Late">True when the winner arrived after its bar had already been decided.</param>
public sealed record GateDecision(DateTimeOffset BarClose, TradeSignal Winner, IReadOnlyList<TradeSignal> Superseded, IReadOnlyList<string> Missing, bool Late);
