using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace TradingBot.Exchange.Tests.Fuzz;

/// <summary>
/// Per-target counters of a fuzz run. "accepted" = the parser returned a value (checked against the invariants),
/// "rejected" = refused with the documented error, "ignored" = classified as harmless (unknown event type, open
/// candle, ack), "violations" = a crash (undocumented exception) or an accepted value that breaks an invariant.
/// </summary>
internal sealed class FuzzTally
{
    private readonly ConcurrentDictionary<string, Row> _rows = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _violations = new();

    public IReadOnlyCollection<string> Violations => _violations;

    public Row For(string target) => _rows.GetOrAdd(target, _ => new Row());

    public void Violation(string target, string what, MutatedInput input)
    {
        For(target).Violation();
        if (_violations.Count < 40 && _violations.Count(v => v.StartsWith(target + ":", StringComparison.Ordinal)) < 8)
        {
            _violations.Enqueue($"{target}: {what} <- {input.Describe()}");
        }
    }

    public string Table(string title)
    {
        var sb = new StringBuilder();
        sb.AppendLine(title);
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"target",-34} {"tried",7} {"accepted",9} {"rejected",9} {"ignored",8} {"violations",10} {"ms",6}");
        long tried = 0, accepted = 0, rejected = 0, ignored = 0, violations = 0;
        foreach (var (name, row) in _rows.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"{name,-34} {row.Tried,7} {row.Accepted,9} {row.Rejected,9} {row.Ignored,8} {row.Violations,10} {row.Milliseconds,6}");
            tried += row.Tried;
            accepted += row.Accepted;
            rejected += row.Rejected;
            ignored += row.Ignored;
            violations += row.Violations;
        }

        sb.AppendLine(CultureInfo.InvariantCulture, $"{"TOTAL",-34} {tried,7} {accepted,9} {rejected,9} {ignored,8} {violations,10}");
        foreach (var v in _violations)
        {
            sb.AppendLine("VIOLATION " + v);
        }

        return sb.ToString();
    }

    internal sealed class Row
    {
        private long _tried;
        private long _accepted;
        private long _rejected;
        private long _ignored;
        private long _violations;
        private long _milliseconds;

        public long Tried => Interlocked.Read(ref _tried);

        public long Accepted => Interlocked.Read(ref _accepted);

        public long Rejected => Interlocked.Read(ref _rejected);

        public long Ignored => Interlocked.Read(ref _ignored);

        public long Violations => Interlocked.Read(ref _violations);

        public long Milliseconds => Interlocked.Read(ref _milliseconds);

        public void Spent(TimeSpan elapsed) => Interlocked.Add(ref _milliseconds, (long)elapsed.TotalMilliseconds);

        public void Try() => Interlocked.Increment(ref _tried);

        public void Accept() => Interlocked.Increment(ref _accepted);

        public void Reject() => Interlocked.Increment(ref _rejected);

        public void Ignore() => Interlocked.Increment(ref _ignored);

        public void Violation() => Interlocked.Increment(ref _violations);
    }
}
