using TradingBot.Contracts.Market;
using TradingBot.Contracts.Trading;

namespace TradingBot.Trading.Strategies;

/// <summary>
/// Mixed: the 1h trend gives the direction; a closing 15m candle trades into a 15m order block,
/// fair value gap or breaker in that direction and closes back on the trend side of it; and
/// opposite-side liquidity was swept (1m or 15m) within the liquidity window.
/// </summary>
public sealed class StrategyC : IStrategyRule
{
    public string Name => "C";

    public int Priority => 1;

    public TradeSignal? Evaluate(MarketView view, IndicatorSnapshot trigger, StrategySettings settings)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(settings);
        if (trigger.Timeframe != Timeframe.M15 || view.Latest(Timeframe.H1) is not { Trend: { } trend })
        {
            return null;
        }

        var candle = trigger.Candle;
        var closesOnTrendSide = trend == Direction.Bullish ? candle.IsBullish : candle.IsBearish;
        if (!closesOnTrendSide)
        {
            return null;
        }

        // Loops, not LINQ: ties on time keep the first element, as a stable sort would. The candle's values are read
        // once (CloseTime is computed, decimals are 16 bytes).
        var now = candle.CloseTime;
        var (low, high, close) = (candle.Low, candle.High, candle.Close);
        Zone? zone = null;
        foreach (var z in trigger.Zones)
        {
            if (z.Direction == trend
                && z.FormedAt < now
                && z.Overlaps(low, high)
                && (trend == Direction.Bullish ? close >= z.Bottom : close <= z.Top)
                && (zone is null || z.FormedAt > zone.FormedAt))
            {
                zone = z;
            }
        }

        if (zone is null)
        {
            return null;
        }

        LiquiditySweep? sweep = null;
        foreach (var s in view.SweepList)
        {
            if (s.ReversalDirection == trend
                && s.At <= now
                && now - s.At <= settings.LiquidityWindow
                && (sweep is null || s.At > sweep.At))
            {
                sweep = s;
            }
        }

        if (sweep is null)
        {
            return null;
        }

        var confidence = 0.6 + (zone.Kind == ZoneKind.Breaker ? 0.1 : 0.0) + (sweep.Timeframe == Timeframe.M15 ? 0.1 : 0.0);
        return SignalFactory.Create(Name, view, trend, candle.Close, zone.FarSide, confidence, now, settings, [zone.Id, sweep.Id]);
    }
}
