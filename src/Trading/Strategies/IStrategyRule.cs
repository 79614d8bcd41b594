using TradingBot.Contracts.Market;
using TradingBot.Contracts.Trading;

namespace TradingBot.Trading.Strategies;

/// <summary>One strategy's entry rules, as a pure function of what is known at a closed bar.</summary>
public interface IStrategyRule
{
    /// <summary>"A", "B" or "C".</summary>
    string Name { get; }

    /// <summary>Lower wins when several strategies fire on the same bar.</summary>
    int Priority { get; }

    /// <summary>
    /// Evaluates the rules after <paramref name="trigger"/> (already applied to <paramref name="view"/>).
    /// Returns null when the rules are not met.
    /// </summary>
    TradeSignal? Evaluate(MarketView view, IndicatorSnapshot trigger, StrategySettings settings);
}
