using System.Collections.Immutable;
using TradingBot.Contracts.Market;
using TradingBot.Contracts.Trading;

namespace TradingBot.Trading.Strategies;

/// <summary>
/// The exit rules all strategies share: stop beyond the structural level by the tolerance, target at
/// the next liquidity level in the trade's direction (scaled by the TP adjustment).
/// </summary>
internal static class SignalFactory
{
    public static TradeSignal? Create(
        string strategy,
        MarketView view,
        Direction direction,
        decimal entry,
        decimal structuralLevel,
        double confidence,
        DateTimeOffset at,
        StrategySettings settings,
        IEnumerable<string> evidence)
    {
        var stop = direction == Direction.Bullish
            ? structuralLevel * (1m - settings.StopTolerance)
            : structuralLevel * (1m + settings.StopTolerance);
        var stopOnRightSide = direction == Direction.Bullish ? stop < entry : stop > entry;
        if (!stopOnRightSide)
        {
            return null;
        }

        if (view.NextLiquidity(direction, entry) is not { } target)
        {
            return null;
        }

        var takeProfit = entry + ((target.Level - entry) * settings.TakeProfitAdjustment);
        var ids = evidence.Append(target.Id).Distinct(StringComparer.Ordinal).ToImmutableArray();
        var id = $"{strategy}:{view.Symbol}:{(direction == Direction.Bullish ? "L" : "S")}:{at.ToUnixTimeMilliseconds()}";
        return new TradeSignal(id, strategy, view.Symbol, direction, entry, stop, takeProfit, Math.Clamp(confidence, 0, 1), ids, at);
    }
}
