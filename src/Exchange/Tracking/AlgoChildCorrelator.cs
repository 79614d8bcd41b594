using TradingBot.Exchange.Model.Events;

namespace TradingBot.Exchange.Tracking;

/// <summary>The conditional order a regular (child) order belongs to.</summary>
/// <param name="AlgoId">Parent algo id (aid).</param>
/// <param name="ClientAlgoId">Parent client algo id (caid).</param>
/// <param name="Symbol">Symbol.</param>
public sealed record AlgoParent(long AlgoId, string ClientAlgoId, string Symbol);

/// <summary>An order update of a triggered algo order's child, with its parent.</summary>
/// <param name="Parent">The algo order.</param>
/// <param name="Child">The child's ORDER_TRADE_UPDATE.</param>
public sealed record AlgoChildUpdate(AlgoParent Parent, OrderUpdated Child);

/// <summary>
/// Links child orders (ORDER_TRADE_UPDATE) to their algo orders (ALGO_UPDATE) by id — ALGO_UPDATE's <c>ai</c> is the
/// child's orderId — never by arrival order: Binance can deliver the child's fill before TRIGGERED/FINISHED.
/// Order updates that are not (yet) linked are remembered (bounded) and released when the link arrives.
/// Not thread-safe: call it from the single consumer of the user stream.
/// </summary>
public sealed class AlgoChildCorrelator(int maxPending = 512)
{
    private readonly Dictionary<long, AlgoParent> _parentByChild = [];
    private readonly Dictionary<long, List<OrderUpdated>> _pending = [];
    private readonly Queue<long> _pendingOrder = new();

    /// <summary>Records an algo update; returns child updates that arrived earlier and are now linked (in arrival order).</summary>
    public IReadOnlyList<AlgoChildUpdate> OnAlgoUpdate(AlgoOrderUpdated update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.ChildOrderId is not { } child)
        {
            return [];
        }

        var parent = new AlgoParent(update.AlgoId, update.ClientAlgoId, update.Symbol);
        _parentByChild[child] = parent;
        if (!_pending.Remove(child, out var early))
        {
            return [];
        }

        return [.. early.Select(o => new AlgoChildUpdate(parent, o))];
    }

    /// <summary>Links an order update to its algo parent if known; otherwise remembers it and returns null.</summary>
    public AlgoChildUpdate? OnOrderUpdate(OrderUpdated update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (_parentByChild.TryGetValue(update.OrderId, out var parent))
        {
            return new AlgoChildUpdate(parent, update);
        }

        if (!_pending.TryGetValue(update.OrderId, out var list))
        {
            list = [];
            _pending[update.OrderId] = list;
            _pendingOrder.Enqueue(update.OrderId);
            while (_pendingOrder.Count > maxPending)
            {
                _pending.Remove(_pendingOrder.Dequeue());
            }
        }

        list.Add(update);
        return null;
    }

    /// <summary>The parent of a child order id, if linked.</summary>
    public bool TryGetParent(long childOrderId, out AlgoParent? parent) => _parentByChild.TryGetValue(childOrderId, out parent);
}
