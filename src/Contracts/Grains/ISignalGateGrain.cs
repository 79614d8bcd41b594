using TradingBot.Contracts.Trading;
using TradingBot.Runtime;

namespace TradingBot.Contracts.Grains;

/// <summary>
/// One per symbol (key = symbol): collects the strategies' verdicts on each closed bar and, once every started
/// strategy has reported that bar, passes the highest-priority signal to the RiskGrain. A bar with a single
/// strategy configured, or the last missing verdict, is decided at once: no timer is involved.
/// </summary>
/// <remarks>
/// Strategies report signals; a "none" is sent only while the gate holds a bar with a signal and asked for every
/// verdict (<see cref="IStrategyGrain.FollowGateAsync"/>), the unsent ones are learnt from the answer to that request.
/// </remarks>
public interface ISignalGateGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records one verdict; returns the RiskGrain's decision when this report (or the strategies' answers it collected)
    /// completed a bar that had a signal.
    /// </summary>
    [Priority(MessagePriority.High)]
    Task<RiskDecision?> ReportAsync(StrategyEvaluation evaluation);
}
