using TradingBot.Contracts.Trading;

namespace TradingBot.Trading.Strategies;

/// <summary>
/// Suppresses duplicates (a signal's primary evidence, the first of its zone ids, justifies at most
/// one signal per strategy) and, when strategies
/// fire on the same bar for the same symbol, keeps the highest-priority one (A, then C, then B).
/// </summary>
public sealed class SignalArbiter
{
    private const int MemoryCapacity = 4096;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>Picks at most one signal from the candidates of one bar; remembers its evidence.</summary>
    public TradeSignal? Choose(IEnumerable<(IStrategyRule Rule, TradeSignal Signal)> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        List<(IStrategyRule Rule, TradeSignal Signal)>? fresh = null;
        foreach (var candidate in candidates)
        {
            if (!_used.Contains(PrimaryKey(candidate.Signal)))
            {
                fresh ??= [];

                // Stable insertion by priority, then higher confidence: the order a stable sort gives.
                var at = fresh.Count;
                while (at > 0 && Ranks(candidate, fresh[at - 1]))
                {
                    at--;
                }

                fresh.Insert(at, candidate);
            }
        }

        if (fresh is null)
        {
            return null;
        }

        var chosen = fresh[0].Signal;
        foreach (var (_, signal) in fresh)
        {
            // Every strategy that fired on this bar has used its evidence, chosen or not.
            Remember(PrimaryKey(signal));
        }

        return chosen;
    }

    /// <summary>Ids already used, for persistence across restarts.</summary>
    public IReadOnlyCollection<string> UsedKeys => _order;

    /// <summary>Restores remembered keys after a restart.</summary>
    public void Restore(IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            Remember(key);
        }
    }

    private void Remember(string key)
    {
        if (!_used.Add(key))
        {
            return;
        }

        _order.Enqueue(key);
        while (_order.Count > MemoryCapacity)
        {
            _used.Remove(_order.Dequeue());
        }
    }

    private static bool Ranks((IStrategyRule Rule, TradeSignal Signal) x, (IStrategyRule Rule, TradeSignal Signal) y) =>
        x.Rule.Priority < y.Rule.Priority || (x.Rule.Priority == y.Rule.Priority && x.Signal.Confidence.CompareTo(y.Signal.Confidence) > 0);

    /// <summary>The key a signal's primary evidence is remembered by (the first zone id, per strategy).</summary>
    public static string PrimaryKey(TradeSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return signal.ZoneIds.IsDefaultOrEmpty ? signal.Id : $"{signal.Strategy}|{signal.ZoneIds[0]}";
    }
}
