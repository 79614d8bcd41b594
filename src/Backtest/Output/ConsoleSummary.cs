using System.Globalization;
using TradingBot.Backtest.Results;

namespace TradingBot.Backtest.Output;

/// <summary>The human summary: one table row per run and slice, then the fill model, data notes and fingerprint.</summary>
public static class ConsoleSummary
{
    private static readonly CultureInfo s_inv = CultureInfo.InvariantCulture;

    public static void Write(TextWriter output, IReadOnlyList<BacktestResult> runs)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(runs);
        var header = $"{"run",-10} {"slice",-10} {"trades",6} {"win%",6} {"PF",6} {"return",8} {"CAGR",8} {"Sharpe",7} {"Sortino",7} {"maxDD",7} {"avgR",6} {"SQN",6} {"expect.",9} {"expo%",6} {"fees",9} {"fundPaid",8} {"lose",4}";
        output.WriteLine(header);
        output.WriteLine(new string('-', header.Length));
        foreach (var run in runs)
        {
            var name = string.Join("+", run.Strategies);
            Row(output, name, "overall", run.Overall);
            if (run.Strategies.Count > 1)
            {
                foreach (var (strategy, metrics) in run.ByStrategy)
                {
                    Row(output, name, "strat " + strategy, metrics);
                }
            }

            foreach (var (symbol, metrics) in run.BySymbol)
            {
                Row(output, name, symbol, metrics);
            }
        }

        output.WriteLine();
        foreach (var run in runs)
        {
            output.WriteLine(string.Create(s_inv, $"{string.Join("+", run.Strategies)}: {run.Start:yyyy-MM-dd HH:mm} → {run.End:yyyy-MM-dd HH:mm} UTC, {run.CandlesProcessed:N0} candles in {run.Wall.TotalSeconds:0.00} s ({run.CandlesPerSecond:N0}/s), equity {run.InitialBalance:N2} → {run.FinalEquity:N2}, {run.Signals} signals, fingerprint {run.Fingerprint}"));
            if (run.Refusals.Count > 0)
            {
                output.WriteLine("  refused signals: " + string.Join(", ", run.Refusals.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value}")));
            }

            var open = run.Trades.Count(t => t.IsOpen);
            if (open > 0)
            {
                output.WriteLine($"  {open} position(s) still open at the end, marked to the last close (not counted as trades)");
            }
        }

        var first = runs[0];
        output.WriteLine();
        output.WriteLine("Fill model:");
        foreach (var line in first.FillModel)
        {
            output.WriteLine("  - " + line);
        }

        output.WriteLine("  - funding: " + first.Funding);
        output.WriteLine("  - warm-up: " + first.WarmUp);
        output.WriteLine("Data:");
        foreach (var note in first.DataNotes)
        {
            output.WriteLine("  - " + note);
        }

        output.WriteLine(first.Gaps.Count == 0
            ? "  - no gaps in the 1m data of the run"
            : string.Create(s_inv, $"  - {first.Gaps.Count} gap(s), {first.Gaps.Sum(g => g.MissingBars):N0} missing 1m bars, NOT filled: ") + string.Join("; ", first.Gaps.Take(5)));
        foreach (var problem in runs.SelectMany(r => r.Problems).Distinct().Take(5))
        {
            output.WriteLine("  ! " + problem);
        }
    }

    private static void Row(TextWriter output, string run, string slice, PerformanceMetrics m) =>
        output.WriteLine(string.Create(s_inv,
            $"{Cut(run, 10),-10} {Cut(slice, 10),-10} {m.Trades,6} {m.WinRate * 100,6:0.0} {Opt(m.ProfitFactor),6} {m.TotalReturn * 100,7:0.00}% {m.Cagr * 100,7:0.0}% {Opt(m.Sharpe),7} {Opt(m.Sortino),7} {m.MaxDrawdown * 100,6:0.0}% {m.AverageR,6:0.00} {Opt(m.SqN),6} {m.Expectancy,9:0.00} {m.Exposure * 100,6:0.0} {m.FeesPaid,9:0.00} {m.FundingPaid,8:0.00} {m.LongestLosingStreak,4}"));

    private static string Opt(double? value) => value is { } v ? v.ToString("0.00", s_inv) : "-";

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
