using TradingBot.Contracts.Market;
using TradingBot.Contracts.Trading;

namespace TradingBot.Trading.Strategies;

/// <summary>
/// Conservative: a 1h structure break sets the bias; a 15m FVG or order block in that direction,
/// formed around or after the break, is the zone; a 1m break in the bias direction, after price
/// traded into the zone within the confirmation window, is the entry.
/// </summary>
public sealed class StrategyA : IStrategyRule
{
    public string Name => "A";

    public int Priority => 0;

    public TradeSignal? Evaluate(MarketView view, IndicatorSnapshot trigger, StrategySettings settings)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(settings);
        if (trigger.Timeframe != Timeframe.M1)
        {
            return null;
        }

        if (view.Latest(Timeframe.H1) is not { LastBreak: { } htfBreak } || view.Latest(Timeframe.M15) is not { } m15)
        {
            return null;
        }

        var bias = htfBreak.Direction;
        StructureBreak? confirmation = null;
        foreach (var candidate in trigger.Breaks)
        {
            if (candidate.Direction == bias)
            {
                confirmation = candidate;
                break;
            }
        }

        if (confirmation is null)
        {
            return null;
        }

        // Loops, not LINQ: this runs on every 1m bar. Ties on FormedAt keep the first zone, as a stable sort would.
        var entry = trigger.Candle.Close;
        var earliest = htfBreak.At - settings.ZoneLeadBeforeBreak;
        Zone? zone = null;
        foreach (var z in m15.Zones)
        {
            if (z.Direction == bias
                && z.Kind is ZoneKind.FairValueGap or ZoneKind.OrderBlock
                && z.FormedAt >= earliest
                && (bias == Direction.Bullish ? entry >= z.Bottom : entry <= z.Top)
                && (zone is null || z.FormedAt > zone.FormedAt)
                && view.RecentlyTraded(z, settings.ConfirmationWindowMinutes))
            {
                zone = z;
            }
        }

        if (zone is null)
        {
            return null;
        }

        var confidence = 0.7 + (htfBreak.Kind == StructureBreakKind.Bos ? 0.1 : 0.0) + (zone.Kind == ZoneKind.OrderBlock ? 0.05 : 0.0);
        return SignalFactory.Create(Name, view, bias, entry, zone.FarSide, confidence, trigger.Candle.CloseTime, settings, [zone.Id, htfBreak.Id, confirmation.Id]);
    }
}
