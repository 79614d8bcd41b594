namespace TradingBot.Backtest.Lookahead;

/// <summary>One difference between the run on full data and a run on data cut at <see cref="CutAt"/>.</summary>
/// <param name="CutAt">End (exclusive) of the truncated data.</param>
/// <param name="Kind">"signal missing", "signal added", "signal changed" or "indicator changed".</param>
/// <param name="Detail">What differs.</param>
public sealed record LookaheadDifference(DateTimeOffset CutAt, string Kind, string Detail);

/// <summary>Result of the look-ahead check.</summary>
public sealed record LookaheadReport(
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<string> Strategies,
    IReadOnlyList<DateTimeOffset> Cuts,
    int SignalsInFullRun,
    int SignalsChecked,
    int SnapshotsChecked,
    IReadOnlyList<LookaheadDifference> Differences)
{
    public bool Clean => Differences.Count == 0;
}
