using System.Globalization;
using System.Text;

namespace TradingBot.Chaos.Report;

/// <summary>Renders a <see cref="ChaosReport"/> as a plain-text table (also readable in a CI log).</summary>
internal static class ReportTable
{
    public static string Render(ChaosReport r)
    {
        var rows = new List<(string, string)>
        {
            ("seed / simulated days", $"{r.Seed} / {r.Days:0.##} ({r.Steps} steps, {r.MarketStart:yyyy-MM-dd HH:mm} → {r.MarketEnd:yyyy-MM-dd HH:mm} UTC)"),
            ("wall time", $"{r.WallTime.TotalSeconds:0} s"),
        };
        foreach (var (kind, count) in r.FaultsScheduled.OrderBy(kv => kv.Key))
        {
            rows.Add(($"fault scheduled: {kind}", count.ToString(CultureInfo.InvariantCulture)));
        }

        foreach (var (name, count) in r.FaultsFired.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            rows.Add(($"fault fired: {name}", count.ToString(CultureInfo.InvariantCulture)));
        }

        rows.Add(("restarts after kill -9", $"{r.Restarts} (ready in max {Max(r.RestartSeconds):0.0} s)"));
        rows.Add(("reconnects (max ≤ 30 s)", $"{r.ReconnectSeconds.Count}, max {r.MaxReconnectSeconds:0.00} s, mean {Mean(r.ReconnectSeconds):0.00} s"));
        rows.Add(("order requests accepted / sent", $"{r.OrdersAccepted} / {r.OrderRequests} = {r.OrderSuccessRate:P2}"));
        rows.Add(("entry intents filled / failed", $"{r.EntryIntentsFilled} / {r.EntryIntentsFailed}"));
        rows.Add(("candle → silo latency p50 / p99 / max", $"{Percentile(r.CandleLatencyMs, 0.5):0.0} / {Percentile(r.CandleLatencyMs, 0.99):0.0} / {Max(r.CandleLatencyMs):0.0} ms"));
        rows.Add(("trades: exchange round trips / journal", $"{r.ExchangeRoundTrips} / {r.JournalTrades} (entries filled {r.FilledEntries})"));
        rows.Add(("daily loss limit reached (days)", $"{r.DailyLimitDays} (entries racing the crossing step: {r.EntriesRacingDailyLimit})"));
        rows.Add(("alerts: outbox / received / re-sent after kill", $"{r.AlertsInOutbox} / {r.AlertsReceived} / {r.AlertsRedeliveredAfterKill}"));
        rows.Add(("max unprotected (simulated)", $"{r.MaxUnprotected.TotalSeconds:0.0} s"));
        rows.Add(("handler error rate", r.HandlerErrorRate is { } e ? e.ToString("P3", CultureInfo.InvariantCulture) : "n/a"));
        rows.Add(("dead letters", r.DeadLetters.Count == 0 ? "0" : string.Join("; ", r.DeadLetters.Select(kv => $"{kv.Value}× {kv.Key}"))));
        rows.Add(("memory (VmRSS) by life", MemoryLine(r)));
        rows.Add(("memory growth after warm-up", r.MemoryGrowthPercent is { } g ? $"{g:+0.0;-0.0} %" : "n/a"));
        rows.Add(("invariant violations", r.Violations.Count.ToString(CultureInfo.InvariantCulture)));

        var width = rows.Max(x => x.Item1.Length);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"| {"figure".PadRight(width)} | value");
        text.AppendLine(CultureInfo.InvariantCulture, $"| {new string('-', width)} | -----");
        foreach (var (name, value) in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name.PadRight(width)} | {value}");
        }

        foreach (var v in r.Violations)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"VIOLATION {v.Invariant} at {v.MarketTime:u} (step {v.Step}): {v.Detail}");
        }

        return text.ToString();
    }

    private static string MemoryLine(ChaosReport r)
    {
        var lives = r.Memory.GroupBy(m => m.Life).Select(g =>
        {
            var mb = g.Select(m => m.ResidentBytes / 1048576.0).ToArray();
            return $"#{g.Key}: {mb[0]:0}→{mb[^1]:0} MB (max {mb.Max():0}, {mb.Length} samples)";
        });
        return string.Join("; ", lives);
    }

    private static double Max(IReadOnlyList<double> values) => values.Count == 0 ? 0 : values.Max();

    private static double Mean(IReadOnlyList<double> values) => values.Count == 0 ? 0 : values.Average();

    internal static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
