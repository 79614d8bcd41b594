using TradingBot.Contracts.Trading;

namespace TradingBot.Trading.Strategies;

/// <summary>
/// Makes "which strategy enters" independent of the order in which strategies finish a bar. Each strategy reports
/// every bar of one symbol, in bar order, with or without a signal. A bar that has a signal waits until every
/// expected strategy has reported it (or a later bar), then the highest-priority signal goes on. Bars without a
/// signal are never held, and with one strategy configured nothing waits at all.
/// </summary>
/// <remarks>
/// A strategy that stops reporting (not started, or failing) must not block entries for good: once any report is
/// <see cref="MaxWait"/> of bar time past a pending bar, that bar is decided with what it has and the silent
/// strategies are named in <see cref="GateDecision.Missing"/>. Pure and single-threaded: one grain turn at a time.
/// </remarks>
public sealed class BarSignalGate
{
    /// <summary>Bar time after which a bar is decided without the strategies that have not reported it.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(2);

    private readonly Dictionary<string, DateTimeOffset> _lastReported = new(StringComparer.Ordinal);
    private readonly SortedDictionary<DateTimeOffset, List<TradeSignal>> _pending = [];
    private DateTimeOffset _newest = DateTimeOffset.MinValue;

    /// <summary>Bars holding a signal and waiting for other strategies.</summary>
    public int PendingBars => _pending.Count;

    /// <summary>
    /// Records a verdict and returns the bars it completed, oldest first.
    /// </summary>
    /// <param name="evaluation">One strategy's verdict on one bar.</param>
    /// <param name="expected">Strategies that report this symbol (the started ones).</param>
    /// <param name="priority">The order that decides between signals of one bar.</param>
    public IReadOnlyList<GateDecision> Report(StrategyEvaluation evaluation, IReadOnlyCollection<string> expected, StrategyPriority priority)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(priority);
        var bar = evaluation.BarClose;
        var alreadyReported = _lastReported.TryGetValue(evaluation.Strategy, out var last) && last >= bar;
        if (evaluation.Signal is { } signal)
        {
            if (_pending.TryGetValue(bar, out var signals))
            {
                if (!Contains(signals, signal.Id))
                {
                    signals.Add(signal);
                }
            }
            else if (alreadyReported || bar + MaxWait <= _newest)
            {
                // Its bar was decided already (a redelivery after a restart, or a strategy far behind): it competes with nobody.
                return [new GateDecision(bar, signal, [], [], Late: true)];
            }
            else
            {
                _pending[bar] = [signal];
            }
        }

        if (!alreadyReported)
        {
            _lastReported[evaluation.Strategy] = bar;
        }

        if (bar > _newest)
        {
            _newest = bar;
        }

        return Complete(expected, priority);
    }

    /// <summary>
    /// Records that <paramref name="strategy"/> judged every bar up to <paramref name="through"/> without a signal and
    /// kept those verdicts instead of sending them (<see cref="VerdictReporting"/>); returns the bars this completed.
    /// They count as reports of those bars, but do not move the bar time after which a bar is decided without the
    /// strategies that have not reported it (<see cref="MaxWait"/>): a strategy running ahead on its own is no sign that
    /// another one stopped, and the silent ones are asked one after the other.
    /// </summary>
    public IReadOnlyList<GateDecision> ReportSilent(string strategy, DateTimeOffset through, IReadOnlyCollection<string> expected, StrategyPriority priority)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(priority);
        if (!(_lastReported.TryGetValue(strategy, out var last) && last >= through))
        {
            _lastReported[strategy] = through;
        }

        return Complete(expected, priority);
    }

    private IReadOnlyList<GateDecision> Complete(IReadOnlyCollection<string> expected, StrategyPriority priority)
    {
        // Most bars have no signal: nothing is pending and nothing is allocated.
        List<GateDecision>? decided = null;
        while (_pending.Count > 0)
        {
            var (bar, signals) = _pending.First();
            var missing = Missing(expected, bar);
            if (missing.Length > 0 && bar + MaxWait > _newest)
            {
                break;
            }

            _pending.Remove(bar);
            var winner = priority.Choose(signals)!;
            (decided ??= []).Add(new GateDecision(bar, winner, signals.Where(s => !ReferenceEquals(s, winner)).ToArray(), missing, Late: false));
        }

        return decided ?? (IReadOnlyList<GateDecision>)[];
    }

    // A loop, not a lambda: a lambda capturing the signal would allocate its closure on every report, signal or not.
    private static bool Contains(List<TradeSignal> signals, string id)
    {
        foreach (var s in signals)
        {
            if (s.Id == id)
            {
                return true;
            }
        }

        return false;
    }

    private string[] Missing(IReadOnlyCollection<string> expected, DateTimeOffset bar)
    {
        List<string>? missing = null;
        foreach (var strategy in expected)
        {
            if (!(_lastReported.TryGetValue(strategy, out var last) && last >= bar))
            {
                (missing ??= []).Add(strategy);
            }
        }

        return missing is null ? [] : [.. missing];
    }
}
