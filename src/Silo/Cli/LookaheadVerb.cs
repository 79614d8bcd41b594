using System.CommandLine;
using TradingBot.Backtest.Cli;

namespace TradingBot.Silo.Cli;

/// <summary><c>trading-bot lookahead --data FILE_OR_DIR… [--symbols …] [--from DATE] [--to DATE] [--strategies A,B,C] [--cuts 20] [--signal-cuts 50]</c>.</summary>
internal static class LookaheadVerb
{
    public static Command Create()
    {
        var data = new Option<string[]>("--data") { Description = "1m candle files or folders (as for backtest).", Required = true, AllowMultipleArgumentsPerToken = true };
        var symbols = new Option<string?>("--symbols") { Description = "Comma-separated symbols (default: every symbol with files)." };
        var from = new Option<string?>("--from") { Description = "First time checked (UTC)." };
        var to = new Option<string?>("--to") { Description = "End (exclusive, UTC)." };
        var strategies = new Option<string>("--strategies") { Description = "Strategies, e.g. A,B,C.", DefaultValueFactory = _ => "A,B,C" };
        var cuts = new Option<int>("--cuts") { Description = "Evenly spaced truncation points.", DefaultValueFactory = _ => 20 };
        var signalCuts = new Option<int>("--signal-cuts") { Description = "Also cut right after each of the first N signals.", DefaultValueFactory = _ => 50 };
        var command = new Command("lookahead", "Re-run signal generation on data truncated at many points and report every signal or indicator that changes.")
        {
            data, symbols, from, to, strategies, cuts, signalCuts,
        };
        command.SetAction((parse, cancellation) => LookaheadCommand.RunAsync(
            new BacktestCliOptions
            {
                Data = parse.GetValue(data) ?? [],
                Symbols = parse.GetValue(symbols),
                From = parse.GetValue(from),
                To = parse.GetValue(to),
                Strategies = parse.GetValue(strategies)!,
                Progress = !Console.IsOutputRedirected,
            },
            parse.GetValue(cuts),
            parse.GetValue(signalCuts),
            Console.Out,
            Console.Error,
            cancellation));
        return command;
    }
}
