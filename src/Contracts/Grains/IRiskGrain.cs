using TradingBot.Contracts.Trading;
using TradingBot.Runtime;

namespace TradingBot.Contracts.Grains;

/// <summary>
/// One per account (key "main"): the only way to an order. Sizes signals (2 % risk, 5x), enforces
/// the open-position cap, the daily loss limit, the entries switch and the emergency stop.
/// </summary>
public interface IRiskGrain : IGrainWithStringKey
{
    /// <summary>Sizes and, when every rule allows it, forwards the signal to the OrderGrain.</summary>
    [Priority(MessagePriority.High)]
    Task<RiskDecision> ProposeAsync(TradeSignal signal);

    /// <summary>Allows or blocks new entries (open positions are untouched).</summary>
    [Priority(MessagePriority.Critical)]
    Task SetEntriesAllowedAsync(bool allowed, string actor);

    /// <summary>Blocks entries, cancels every order and closes every position at market.</summary>
    [Priority(MessagePriority.Critical)]
    Task<int> EmergencyStopAsync(string actor);

    /// <summary>Clears an emergency stop (entries stay blocked until allowed again).</summary>
    Task ResetEmergencyAsync(string actor);

    /// <summary>Start-up reconciliation finished: entries may be allowed again.</summary>
    [Priority(MessagePriority.Critical)]
    Task MarkReconciledAsync(bool consistent, string detail);

    /// <summary>Applies live operational parameters.</summary>
    Task UpdateSettingsAsync(RiskParameters parameters);

    [ReadOnly]
    Task<RiskStatus> GetStatusAsync();
}
