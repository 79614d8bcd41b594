using TradingBot.Contracts.Trading;
using TradingBot.Runtime;

namespace TradingBot.Contracts.Grains;

/// <summary>
/// One per account (key "main"). Persists each intent before sending, places the market entry with a
/// deterministic client id, retries retryable failures after 1 s, 2 s and 5 s, resolves unknown
/// outcomes by querying the client id, and hands a filled entry to its PositionGrain for protection.
/// </summary>
public interface IOrderGrain : IGrainWithStringKey
{
    /// <summary>Executes an approved entry; returns when it is filled, failed or rejected.</summary>
    [ResponseTimeout(60)]
    Task<OrderOutcome> ExecuteAsync(ApprovedOrder order);

    /// <summary>Cancels every order on both books and closes every position at market.</summary>
    [Priority(MessagePriority.Critical)]
    [ResponseTimeout(60)]
    Task<int> FlattenAllAsync(ExitReason reason);

    /// <summary>
    /// Start-up: resolves intents persisted before a crash by querying their client ids; a filled entry is
    /// handed to its PositionGrain (which protects it), an unknown one is marked failed and never resent.
    /// </summary>
    [ResponseTimeout(120)]
    Task<int> ResolvePendingAsync();

    [ReadOnly]
    Task<IReadOnlyList<OrderIntent>> GetRecentIntentsAsync(int count);
}
