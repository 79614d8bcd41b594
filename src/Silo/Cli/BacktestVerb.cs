using System.CommandLine;
using TradingBot.Backtest.Cli;

namespace TradingBot.Silo.Cli;

/// <summary><c>trading-bot backtest --data FILE_OR_DIR… [--symbols …] [--from DATE] [--to DATE] [--strategies A,B,C] [--compare] [--out report.json] [--db FILE]</c>.</summary>
internal static class BacktestVerb
{
    public static Command Create()
    {
        var data = new Option<string[]>("--data") { Description = "1m candle files or folders (CSV or CSV.gz named SYMBOL-1m-….csv.gz; 15m/1h files are used as native history).", Required = true, AllowMultipleArgumentsPerToken = true };
        var symbols = new Option<string?>("--symbols") { Description = "Comma-separated symbols (default: every symbol with files)." };
        var from = new Option<string?>("--from") { Description = "First tradable time (UTC date or ISO time); earlier data is used for the warm-up." };
        var to = new Option<string?>("--to") { Description = "End (exclusive, UTC)." };
        var strategies = new Option<string>("--strategies") { Description = "Strategies run together, e.g. A,B,C.", DefaultValueFactory = _ => "A,B,C" };
        var compare = new Option<bool>("--compare") { Description = "Also run each strategy alone and compare." };
        var output = new Option<string?>("--out") { Description = "JSON report file." };
        var db = new Option<string?>("--db") { Description = "SQLite file for runs, trades and equity (dashboard)." };
        var taker = new Option<decimal>("--taker-fee") { Description = "Taker fee in percent.", DefaultValueFactory = _ => 0.05m };
        var maker = new Option<decimal>("--maker-fee") { Description = "Maker fee in percent.", DefaultValueFactory = _ => 0.02m };
        var slippage = new Option<decimal>("--slippage-bps") { Description = "Fixed slippage in basis points on every market fill.", DefaultValueFactory = _ => 1m };
        var volSlippage = new Option<decimal>("--vol-slippage") { Description = "Extra entry slippage as a fraction of the previous 1m range (0 = off).", DefaultValueFactory = _ => 0m };
        var fundingRate = new Option<decimal>("--funding-rate") { Description = "Constant funding rate in percent per 8 h when no --funding-file is given.", DefaultValueFactory = _ => 0.01m };
        var fundingFiles = new Option<string[]>("--funding-file") { Description = "Funding rates (funding_time_ms,rate), settled at the times given.", AllowMultipleArgumentsPerToken = true };
        var balance = new Option<decimal>("--balance") { Description = "Starting balance in USDT.", DefaultValueFactory = _ => 10_000m };
        var targetFirst = new Option<bool>("--target-first") { Description = "When stop and target are inside one 1m bar, follow the bar colour instead of taking the stop." };
        var command = new Command("backtest", "Backtest the live grains over 1m candle history: honest fills, fees, funding, liquidation and full metrics.")
        {
            data, symbols, from, to, strategies, compare, output, db, taker, maker, slippage, volSlippage, fundingRate, fundingFiles, balance, targetFirst,
        };
        command.SetAction((parse, cancellation) => BacktestCommand.RunAsync(
            new BacktestCliOptions
            {
                Data = parse.GetValue(data) ?? [],
                Symbols = parse.GetValue(symbols),
                From = parse.GetValue(from),
                To = parse.GetValue(to),
                Strategies = parse.GetValue(strategies)!,
                Compare = parse.GetValue(compare),
                Out = parse.GetValue(output),
                Db = parse.GetValue(db),
                TakerFeePercent = parse.GetValue(taker),
                MakerFeePercent = parse.GetValue(maker),
                SlippageBps = parse.GetValue(slippage),
                VolatilitySlippage = parse.GetValue(volSlippage),
                FundingRatePercent = parse.GetValue(fundingRate),
                FundingFiles = parse.GetValue(fundingFiles) ?? [],
                Balance = parse.GetValue(balance),
                TargetFirst = parse.GetValue(targetFirst),
                Progress = !Console.IsOutputRedirected,
            },
            Console.Out,
            Console.Error,
            cancellation));
        return command;
    }
}
