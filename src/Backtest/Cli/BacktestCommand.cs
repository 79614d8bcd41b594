using TradingBot.Backtest.Data;
using TradingBot.Backtest.Output;
using TradingBot.Backtest.Results;
using TradingBot.Backtest.Running;
using TradingBot.Backtest.Simulation;

namespace TradingBot.Backtest.Cli;

/// <summary>
/// <c>trading-bot backtest --data FILE_OR_DIR… [--symbols …] [--from …] [--to …] [--strategies A,B,C] [--compare] [--out report.json] [--db FILE]</c>.
/// Exit codes: 0 done, 2 bad input (message on stderr), 1 unexpected failure.
/// </summary>
public static class BacktestCommand
{
    public static async Task<int> RunAsync(BacktestCliOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            var strategies = CliParsing.List(options.Strategies) ?? throw new BacktestInputException("--strategies is empty: choose from A, B, C.");
            var request = new BacktestRequest
            {
                DataPaths = options.Data,
                Symbols = CliParsing.List(options.Symbols),
                From = CliParsing.Date(options.From, "--from"),
                To = CliParsing.Date(options.To, "--to"),
                Strategies = strategies,
                InitialBalance = options.Balance,
                FundingRate = options.FundingRatePercent / 100m,
                FundingFiles = options.FundingFiles,
                Fill = new FillModel
                {
                    TakerFee = options.TakerFeePercent / 100m,
                    MakerFee = options.MakerFeePercent / 100m,
                    SlippageBps = options.SlippageBps,
                    VolatilitySlippageFraction = options.VolatilitySlippage,
                    StopBeforeTarget = !options.TargetFirst,
                },
            };
            if (options.Data.Count == 0)
            {
                throw new BacktestInputException("--data is required: one or more candle files or folders.");
            }

            var data = MarketDataSet.Load(request.DataPaths, request.Symbols, request.From, request.To, request.WarmupBars);
            output.WriteLine($"Data: {string.Join(", ", data.Symbols)}; trading {DateTimeOffset.FromUnixTimeMilliseconds(data.StartMs):yyyy-MM-dd HH:mm} → {DateTimeOffset.FromUnixTimeMilliseconds(data.EndMs):yyyy-MM-dd HH:mm} UTC, {data.RunBarCount:N0} 1m candles after warm-up");
            if (data.Gaps.Count > 0)
            {
                output.WriteLine($"Gaps: {data.Gaps.Count} in the 1m data ({data.Gaps.Sum(g => g.MissingBars):N0} bars missing), reported and NOT filled. First: {string.Join("; ", data.Gaps.Take(3))}");
            }

            var sets = new List<IReadOnlyList<string>> { strategies };
            if (options.Compare && strategies.Count > 1)
            {
                sets.AddRange(strategies.Select(s => (IReadOnlyList<string>)[s]));
            }

            var runs = new List<BacktestResult>();
            foreach (var set in sets)
            {
                var label = string.Join("+", set);
                var progress = options.Progress ? new ProgressBar(output, label) : null;
                runs.Add(await BacktestRunner.RunAsync(request with { Strategies = set }, data, progress, cancellationToken));
            }

            ConsoleSummary.Write(output, runs);
            if (options.Out is { } outPath)
            {
                await JsonReport.WriteAsync(outPath, runs, cancellationToken);
                output.WriteLine($"Report: {Path.GetFullPath(outPath)}");
            }

            if (options.Db is { } dbPath)
            {
                foreach (var run in runs)
                {
                    SqliteResultStore.Save(dbPath, run);
                }

                output.WriteLine($"Stored {runs.Count} run(s) in {Path.GetFullPath(dbPath)}");
            }

            return 0;
        }
        catch (BacktestInputException ex)
        {
            await error.WriteLineAsync("backtest: " + ex.Message);
            return 2;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("backtest: cancelled");
            return 130;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            await error.WriteLineAsync("backtest: cannot write the results: " + ex.Message);
            return 2;
        }
    }
}
