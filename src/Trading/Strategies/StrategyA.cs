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
        var confirmation = trigger.Breaks.FirstOrDefault(b => b.Direction == bias);
        if (confirmation is null)
        {
            return null;
        }

        var window = view.Recent1m.Skip(Math.Max(0, view.Recent1m.Count - settings.ConfirmationWindowMinutes)).ToList();
        var entry = trigger.Candle.Close;
        var zone = m15.Zones
            .Where(z => z.Direction == bias
                && z.Kind is ZoneKind.FairValueGap or ZoneKind.OrderBlock
                && z.FormedAt >= htfBreak.At - settings.ZoneLeadBeforeBreak
                && window.Any(c => z.Overlaps(c.Low, c.High))
                && (bias == Direction.Bullish ? entry >= z.Bottom : entry <= z.Top))
            .OrderByDescending(z => z.FormedAt)
            .FirstOrDefault();
        if (zone is null)
        {
            return null;
        }

        var confidence = 0.7 + (htfBreak.Kind == StructureBreakKind.Bos ? 0.1 : 0.0) + (zone.Kind == ZoneKind.OrderBlock ? 0.05 : 0.0);
        return SignalFactory.Create(Name, view, bias, entry, zone.FarSide, confidence, trigger.Candle.CloseTime, settings, [zone.Id, htfBreak.Id, confirmation.Id]);
    }
}
