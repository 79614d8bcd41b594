using TradingBot.Contracts.Trading;

namespace TradingBot.Trading.Strategies;

/// <summary>
/// Which signal goes on when several strategies fire for one symbol on the same bar: the strategy listed first
/// in the configured order (default "A,C,B"), then the higher confidence, then the strategy name (so the choice
/// never depends on arrival order).
/// </summary>
public sealed class StrategyPriority : IComparer<TradeSignal>
{
    /// <summary>The PRD's order: conservative before mixed before aggressive.</summary>
    public const string DefaultOrder = "A,C,B";

    private readonly string[] _order;

    /// <summary>Parses a comma-separated order such as "A,C,B"; strategies it does not name rank after those it does.</summary>
    public StrategyPriority(string? order)
    {
        _order = (order ?? DefaultOrder)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The order in force, highest priority first.</summary>
    public IReadOnlyList<string> Order => _order;

    /// <summary>0 for the first listed strategy; unlisted strategies share the rank after the last listed one.</summary>
    public int Rank(string strategy)
    {
        var index = Array.IndexOf(_order, strategy);
        return index < 0 ? _order.Length : index;
    }

    /// <summary>Negative when <paramref name="x"/> should go on before <paramref name="y"/>.</summary>
    public int Compare(TradeSignal? x, TradeSignal? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? 1 : -1;
        }

        var byRank = Rank(x.Strategy).CompareTo(Rank(y.Strategy));
        if (byRank != 0)
        {
            return byRank;
        }

        var byConfidence = y.Confidence.CompareTo(x.Confidence);
        return byConfidence != 0 ? byConfidence : string.CompareOrdinal(x.Strategy + x.Id, y.Strategy + y.Id);
    }

    /// <summary>The winner among signals of one bar (null for none).</summary>
    public TradeSignal? Choose(IEnumerable<TradeSignal> signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        TradeSignal? best = null;
        foreach (var signal in signals)
        {
            if (best is null || Compare(signal, best) < 0)
            {
                best = signal;
            }
        }

        return best;
    }
}
