using TradingBot.Backtest.Data;
using TradingBot.Backtest.Lookahead;

namespace TradingBot.Backtest.Cli;

/// <summary>
/// <c>trading-bot lookahead --data FILE_OR_DIR… [--symbols …] [--from …] [--to …] [--strategies A,B,C] [--cuts 20] [--signal-cuts 50]</c>.
/// Exit codes: 0 no look-ahead found, 3 differences found, 2 bad input.
/// </summary>
public static class LookaheadCommand
{
    public static Task<int> RunAsync(BacktestCliOptions options, int cuts, int signalCuts, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            if (cuts < 1 || signalCuts < 0)
            {
                throw new BacktestInputException("--cuts must be at least 1 and --signal-cuts at least 0.");
            }

            var strategies = CliParsing.List(options.Strategies) ?? throw new BacktestInputException("--strategies is empty: choose from A, B, C.");
            if (strategies.Any(s => s is not ("A" or "B" or "C")))
            {
                throw new BacktestInputException($"Unknown strategy in '{options.Strategies}': choose from A, B, C.");
            }

            var data = MarketDataSet.Load(options.Data, CliParsing.List(options.Symbols), CliParsing.Date(options.From, "--from"), CliParsing.Date(options.To, "--to"), 500);
            output.WriteLine($"Look-ahead check: {string.Join(", ", data.Symbols)}, strategies {string.Join("+", strategies)}, {DateTimeOffset.FromUnixTimeMilliseconds(data.StartMs):yyyy-MM-dd HH:mm} → {DateTimeOffset.FromUnixTimeMilliseconds(data.EndMs):yyyy-MM-dd HH:mm} UTC");
            var progress = options.Progress ? new Progress<string>(line => output.Write("\r" + line + "   ")) : null;
            var report = LookaheadAnalyzer.Analyze(data, strategies, 500, cuts, signalCuts, progress);
            cancellationToken.ThrowIfCancellationRequested();
            output.WriteLine();
            output.WriteLine($"{report.Cuts.Count} cut(s) ({cuts} evenly spaced + after each of the first {signalCuts} signals); {report.SignalsInFullRun} signals in the full run; {report.SignalsChecked} signal comparisons; {report.SnapshotsChecked} indicator snapshots compared.");
            if (report.Clean)
            {
                output.WriteLine("No look-ahead: every signal and every indicator snapshot up to each cut is identical with and without the later data.");
                return Task.FromResult(0);
            }

            output.WriteLine($"LOOK-AHEAD FOUND: {report.Differences.Count} difference(s):");
            foreach (var d in report.Differences.Take(50))
            {
                output.WriteLine($"  cut {d.CutAt:yyyy-MM-dd HH:mm}: {d.Kind}: {d.Detail}");
            }

            return Task.FromResult(3);
        }
        catch (BacktestInputException ex)
        {
            error.WriteLine("lookahead: " + ex.Message);
            return Task.FromResult(2);
        }
    }
}
