using TradingBot.Contracts.Trading;
using TradingBot.Runtime;

namespace TradingBot.Contracts.Grains;

/// <summary>
/// One per symbol. Follows the user stream (implicit subscription), keeps the position's ledger,
/// publishes PositionOpened/Updated/Closed, and keeps the invariant "every open position has a live
/// stop-loss and take-profit" — after restarts too. Stops move place-new-then-cancel-old.
/// </summary>
public interface IPositionGrain : IGrainWithStringKey
{
    /// <summary>The entry filled: record it and place the protective orders.</summary>
    [Priority(MessagePriority.High)]
    Task OnEntryFilledAsync(ApprovedOrder order, string entryClientOrderId, decimal quantity, decimal averagePrice, decimal commission, long tradeId, DateTimeOffset at);

    /// <summary>Compares persisted state with the exchange; re-places missing protection, adopts unknown positions.</summary>
    [Priority(MessagePriority.Critical)]
    Task<ReconciliationResult> ReconcileAsync();

    /// <summary>Cancels this symbol's orders and closes the position at market.</summary>
    [Priority(MessagePriority.Critical)]
    Task<bool> CloseAsync(ExitReason reason);

    /// <summary>Moves the stop (place new, then cancel old).</summary>
    Task MoveStopAsync(decimal newStop);

    [ReadOnly]
    Task<PositionView> GetAsync();
}
