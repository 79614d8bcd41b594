namespace TradingBot.Trading.Strategies;

/// <summary>
/// Which of one strategy's verdicts on one symbol travel to the signal gate. A signal always does. A "none" only
/// matters while the gate holds a bar with a signal, so it is sent only while the gate asked for every bar; the
/// others are remembered as <see cref="SilentThrough"/>, which the gate learns when it asks. Together the gate knows,
/// whenever it holds a bar, exactly the verdicts it would have had if every bar had been reported.
/// </summary>
/// <remarks>
/// One per strategy and symbol, owned by one StrategyGrain turn at a time. The gate's request is handled between
/// turns or at an await of a turn, never inside the step that judges a bar, so <see cref="SilentThrough"/> never
/// covers a bar whose verdict is still on its way to the gate.
/// </remarks>
public sealed class VerdictReporting
{
    /// <summary>True while the gate asked for every verdict (it holds a bar with a signal).</summary>
    public bool EveryBar { get; private set; }

    /// <summary>Close of the last 1m bar judged without a report: an implicit "none". Null before the first.</summary>
    public DateTimeOffset? SilentThrough { get; private set; }

    /// <summary>
    /// Called once per judged 1m bar, in bar order. Returns true when the verdict must be reported now; false when it
    /// is a "none" nobody waits for, which is then remembered as <see cref="SilentThrough"/>.
    /// </summary>
    public bool MustReport(DateTimeOffset barClose, bool hasSignal)
    {
        if (hasSignal || EveryBar)
        {
            return true;
        }

        SilentThrough = barClose;
        return false;
    }

    /// <summary>
    /// The gate's request: every verdict from now on (<paramref name="everyBar"/> true) or signals only. Returns the
    /// silent verdicts the gate has not heard yet, as the last bar they cover.
    /// </summary>
    public DateTimeOffset? Follow(bool everyBar)
    {
        EveryBar = everyBar;
        return SilentThrough;
    }
}
