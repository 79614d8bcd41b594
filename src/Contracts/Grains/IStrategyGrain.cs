using TradingBot.Runtime;

namespace TradingBot.Contracts.Grains;

/// <summary>
/// One per strategy (key "A", "B" or "C"). Subscribes to the indicator streams of the configured
/// symbols, evaluates its rules at every closed bar and proposes signals to the RiskGrain.
/// </summary>
public interface IStrategyGrain : IGrainWithStringKey
{
    /// <summary>Subscribes (or resumes) the indicator streams of these symbols.</summary>
    Task StartAsync(IReadOnlyList<string> symbols);

    /// <summary>Switches the strategy on or off; persisted.</summary>
    Task SetEnabledAsync(bool enabled);

    [ReadOnly]
    Task<StrategyStatus> GetStatusAsync();
}
