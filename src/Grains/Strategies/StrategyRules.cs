using TradingBot.Trading.Strategies;

namespace TradingBot.Grains.Strategies;

/// <summary>Maps a StrategyGrain key to its rule set.</summary>
internal static class StrategyRules
{
    public static IStrategyRule For(string name) => name switch
    {
        "A" => new StrategyA(),
        "B" => new StrategyB(),
        "C" => new StrategyC(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Strategies are A, B and C."),
    };
}
