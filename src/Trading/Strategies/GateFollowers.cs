namespace TradingBot.Trading.Strategies;

/// <summary>
/// The gate's side of <see cref="VerdictReporting"/>: which strategies it asked for every verdict. While the gate
/// holds a bar with a signal every expected strategy must follow (report every bar), so the bar is decided as soon as
/// the last of them has judged it; once nothing is held they are released and only signals travel again.
/// </summary>
/// <remarks>Pure and single-threaded, like <see cref="BarSignalGate"/>: one grain turn at a time.</remarks>
public sealed class GateFollowers
{
    private readonly List<string> _following = [];

    /// <summary>The strategies asked for every verdict, in the order they were asked.</summary>
    public IReadOnlyList<string> Following => _following;

    /// <summary>Whether some strategy must be asked or released after the gate's last report.</summary>
    public bool MustChange(BarSignalGate gate, IReadOnlyList<string> expected) =>
        NextToAsk(gate, expected) is not null || (gate is { PendingBars: 0 } && _following.Count > 0);

    /// <summary>The next expected strategy to ask for every verdict; null when nothing is held or all follow.</summary>
    public string? NextToAsk(BarSignalGate gate, IReadOnlyList<string> expected)
    {
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(expected);
        if (gate.PendingBars == 0)
        {
            return null;
        }

        // An index loop: an array seen as an interface would allocate its enumerator on every report.
        for (var i = 0; i < expected.Count; i++)
        {
            if (!_following.Contains(expected[i]))
            {
                return expected[i];
            }
        }

        return null;
    }

    /// <summary>Records that <paramref name="strategy"/> was asked (whether or not the request reached it).</summary>
    public void Asked(string strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        if (!_following.Contains(strategy))
        {
            _following.Add(strategy);
        }
    }

    /// <summary>The strategies to release, and forgets them, when the gate holds nothing; otherwise none.</summary>
    public IReadOnlyList<string> Release(BarSignalGate gate)
    {
        ArgumentNullException.ThrowIfNull(gate);
        if (gate.PendingBars > 0 || _following.Count == 0)
        {
            return [];
        }

        var released = _following.ToArray();
        _following.Clear();
        return released;
    }
}
