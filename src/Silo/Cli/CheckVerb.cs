using System.CommandLine;
using TradingBot.Silo.Hosting;

namespace TradingBot.Silo.Cli;

/// <summary><c>trading-bot check [--env paper|testnet|mainnet]</c>: is everything in place to trade?</summary>
internal static class CheckVerb
{
    public static Command Create()
    {
        var env = new Option<string>("--env") { Description = "paper, testnet or mainnet.", DefaultValueFactory = _ => "paper" };
        env.AcceptOnlyFromAmong("paper", "testnet", "mainnet");
        var command = new Command("check", "Check configuration, keys, .env permissions, exchange reachability, clock offset, account access and symbol rules.") { env };
        command.SetAction((parse, cancellation) =>
            SiloCheck.RunAsync(new Dictionary<string, string?> { ["Silo:Mode"] = parse.GetValue(env) }, Console.Out, cancellation));
        return command;
    }
}
