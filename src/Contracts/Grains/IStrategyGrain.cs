using TradingBot.Runtime;

namespace TradingBot.Contracts.Grains;

/// <summary>
/// One per strategy (key "A", "B" or "C"). Subscribes to the indicator streams of the configured
/// symbols, evaluates its rules at every closed bar and reports its signals to the symbol's
/// <see cref="ISignalGateGrain"/>, which passes the highest-priority one of a bar to the RiskGrain.
/// </summary>
public interface IStrategyGrain : IGrainWithStringKey
{
    /// <summary>Subscribes (or resumes) the indicator streams of these symbols.</summary>
    Task StartAsync(IReadOnlyList<string> symbols);

    /// <summary>Switches the strategy on or off; persisted.</summary>
    Task SetEnabledAsync(bool enabled);

    [ReadOnly]
    Task<StrategyStatus> GetStatusAsync();

    /// <summary>
    /// Called by the SignalGateGrain of <paramref name="symbol"/>: while it holds a bar with a signal it needs this
    /// strategy's verdict on every bar, "none" included (<paramref name="everyBar"/> true); otherwise only signals are
    /// reported. Returns the close of the last 1m bar judged "none" and not reported (null when there is none): the
    /// gate counts it as reported, exactly as if each of those verdicts had been sent.
    /// </summary>
    /// <remarks>Interleaves: the strategy may itself be waiting on the gate when the gate asks.</remarks>
    [AlwaysInterleave]
    [Priority(MessagePriority.High)]
    Task<DateTimeOffset?> FollowGateAsync(string symbol, bool everyBar);
}
