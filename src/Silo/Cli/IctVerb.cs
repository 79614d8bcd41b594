using System.CommandLine;
using TradingBot.Ict.Export;

namespace TradingBot.Silo.Cli;

/// <summary><c>trading-bot ict --input FILE --out DIR [--swing-length 5] [--mode reference|causal]</c>.</summary>
internal static class IctVerb
{
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "CSV or CSV.gz candles with a header (open,high,low,close[,volume] and Date or open_time).", Required = true };
        var output = new Option<string>("--out") { Description = "Folder for the six result CSVs.", Required = true };
        var swingLength = new Option<int>("--swing-length") { Description = "Swing length L.", DefaultValueFactory = _ => 5 };
        var mode = new Option<string>("--mode") { Description = "reference (the smartmoneyconcepts tables, quirks included) or causal (what the bot knew at each bar).", DefaultValueFactory = _ => "reference" };
        mode.AcceptOnlyFromAmong("reference", "causal");
        var command = new Command("ict", "Run the ICT detectors over a candle file and write one CSV per detector.") { input, output, swingLength, mode };
        command.SetAction(parse =>
        {
            var options = new IctExportOptions(
                parse.GetValue(input)!,
                parse.GetValue(output)!,
                parse.GetValue(swingLength),
                parse.GetValue(mode) == "causal" ? IctExportMode.Causal : IctExportMode.Reference);
            return IctExportCommand.Run(options, Console.Out, Console.Error);
        });
        return command;
    }
}
