using System.CommandLine;

namespace TradingBot.Silo.Cli;

/// <summary>The <c>trading-bot</c> command line: one verb per file in this folder.</summary>
internal static class TradingBotCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("TradingBot: ICT trading on Binance USDⓈ-M perpetual futures.");
        foreach (var verb in Verbs())
        {
            root.Subcommands.Add(verb);
        }

        return root;
    }

    private static IEnumerable<Command> Verbs()
    {
        yield return RunVerb.Create();
        yield return IctVerb.Create();
        yield return SimulatorVerb.Create();
        yield return HashPasswordVerb.Create();
        yield return CheckVerb.Create();
        yield return BacktestVerb.Create();
        yield return LookaheadVerb.Create();
    }
}
