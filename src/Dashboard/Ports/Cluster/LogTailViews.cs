namespace TradingBot.Dashboard.Ports.Cluster;

/// <summary>One log line as the live tail shows it.</summary>
/// <param name="Sequence">Monotonic number; the page asks for lines after the last one it has.</param>
/// <param name="At">UTC time.</param>
/// <param name="Level">Trace..Critical.</param>
/// <param name="Category">Logger category.</param>
/// <param name="Message">Rendered message (already free of secrets).</param>
public sealed record LogLineView(long Sequence, DateTimeOffset At, string Level, string Category, string Message);

/// <summary>Lines after a sequence number, oldest first.</summary>
/// <param name="LastSequence">Sequence of the last line returned (or the requested one when none): the next request's "after".</param>
/// <param name="Lines">At most the requested number of lines.</param>
public sealed record LogTailView(long LastSequence, IReadOnlyList<LogLineView> Lines);
