using System.CommandLine;
using TradingBot.Silo.Hosting;

namespace TradingBot.Silo.Cli;

/// <summary><c>trading-bot run</c>: start the silo (paper mode on the embedded simulator by default).</summary>
internal static class RunVerb
{
    public static Command Create()
    {
        var env = new Option<string>("--env")
        {
            Description = "paper (embedded simulator, no keys), testnet (Binance Demo Trading) or mainnet.",
            DefaultValueFactory = _ => "paper",
        };
        env.AcceptOnlyFromAmong("paper", "testnet", "mainnet");
        var urls = new Option<string?>("--urls") { Description = "Dashboard/API listen address (default http://127.0.0.1:5080)." };
        var dataDir = new Option<string?>("--data-dir") { Description = "Folder for the SQLite state and trade database (default ./data)." };

        var command = new Command("run", "Run the trading silo.") { env, urls, dataDir };
        command.SetAction((parse, cancellation) =>
        {
            var overrides = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["Silo:Mode"] = parse.GetValue(env),
            };
            if (parse.GetValue(urls) is { } u)
            {
                overrides["Silo:Urls"] = u;
            }

            if (parse.GetValue(dataDir) is { } d)
            {
                overrides["Silo:DataDirectory"] = d;
            }

            return SiloHost.RunAsync(overrides, cancellation);
        });
        return command;
    }
}
