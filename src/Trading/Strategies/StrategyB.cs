using TradingBot.Contracts.Market;
using TradingBot.Contracts.Trading;

namespace TradingBot.Trading.Strategies;

/// <summary>
/// Aggressive: after a 15m liquidity sweep, enter as soon as a fair value gap forms in the
/// reversal direction (on 1m or 15m) within the sweep window. The structural level is the lower
/// (for longs) of the gap's far side and the sweep's wick.
/// </summary>
public sealed class StrategyB : IStrategyRule
{
    public string Name => "B";

    public int Priority => 2;

    public TradeSignal? Evaluate(MarketView view, IndicatorSnapshot trigger, StrategySettings settings)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(settings);
        if (trigger.Timeframe != Timeframe.M1 && trigger.Timeframe != Timeframe.M15)
        {
            return null;
        }

        // Every gap needs a 15m sweep within the window: without one (most bars) the zones need not be scanned.
        var now = trigger.Candle.CloseTime;
        if (!view.MayHave15mSweepWithin(now, settings.SweepWindow))
        {
            return null;
        }

        foreach (var gap in trigger.Zones)
        {
            if (gap.Kind != ZoneKind.FairValueGap || gap.FormedAt != now)
            {
                continue;
            }

            // The latest matching sweep; ties on time keep the first, as a stable sort would.
            LiquiditySweep? sweep = null;
            foreach (var s in view.SweepList)
            {
                if (s.Timeframe == Timeframe.M15
                    && s.ReversalDirection == gap.Direction
                    && s.At <= now
                    && now - s.At <= settings.SweepWindow
                    && (sweep is null || s.At > sweep.At))
                {
                    sweep = s;
                }
            }

            if (sweep is null)
            {
                continue;
            }

            var structural = gap.Direction == Direction.Bullish ? Math.Min(gap.Bottom, sweep.Extreme) : Math.Max(gap.Top, sweep.Extreme);
            var freshness = 1.0 - ((now - sweep.At).TotalMinutes / settings.SweepWindow.TotalMinutes);
            var confidence = 0.5 + (0.15 * freshness);
            return SignalFactory.Create(Name, view, gap.Direction, trigger.Candle.Close, structural, confidence, now, settings, [sweep.Id, gap.Id]);
        }

        return null;
    }
}
