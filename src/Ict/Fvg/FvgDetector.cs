using TradingBot.Ict.Candles;
using TradingBot.Ict.Events;
using TradingBot.Ict.Primitives;

namespace TradingBot.Ict.Fvg;

/// <summary>
/// Incremental fair value gaps (reference §3.2d). At the close of bar t the middle candle t−1 is decided from
/// bars t−2 … t; with join the gap of row t−2 is merged first; then bar t is tested against older gaps.
/// Bullish: high[t−2] &lt; low[t] and the middle candle closes up. Bearish mirrored.
/// </summary>
public sealed class FvgDetector
{
    private readonly FvgOptions _options;
    private readonly long _timeframeMs;
    private readonly ZonePool<FvgZone> _bull;
    private readonly ZonePool<FvgZone> _bear;

    private FvgZone[] _bullOrdered = new FvgZone[16];
    private FvgZone[] _bearOrdered = new FvgZone[16];
    private long[] _orderScratch = new long[16];
    private long _orderedVersion = -1;
    private int _bullCount;
    private int _bearCount;

    // The gap created at the previous bar (join candidate).
    private int _lastSlot = -1;
    private sbyte _lastDirection;
    private long _lastOrigin = -1;

    public FvgDetector(FvgOptions options, long timeframeMs)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _timeframeMs = timeframeMs;
        _bull = new ZonePool<FvgZone>(options.MaxActive);
        _bear = new ZonePool<FvgZone>(options.MaxActive);
    }

    /// <summary>Changes whenever the active set changes.</summary>
    public long Version { get; private set; }

    /// <summary>Active bullish gaps in creation order (copied lazily after a change).</summary>
    public ReadOnlySpan<FvgZone> ActiveBullish
    {
        get
        {
            RefreshOrdered();
            return _bullOrdered.AsSpan(0, _bullCount);
        }
    }

    /// <summary>Active bearish gaps in creation order (copied lazily after a change).</summary>
    public ReadOnlySpan<FvgZone> ActiveBearish
    {
        get
        {
            RefreshOrdered();
            return _bearOrdered.AsSpan(0, _bearCount);
        }
    }

    private void RefreshOrdered()
    {
        if (_orderedVersion != Version)
        {
            _bullCount = _bull.CopyOrdered(ref _bullOrdered, ref _orderScratch);
            _bearCount = _bear.CopyOrdered(ref _bearOrdered, ref _orderScratch);
            _orderedVersion = Version;
        }
    }

    public void OnBar(CandleRing bars, AverageTrueRange? atr, EventBuffer events)
    {
        var t = bars.Count - 1;
        if (t < 2)
        {
            return;
        }

        ref readonly var first = ref bars[t - 2];
        ref readonly var middle = ref bars[t - 1];
        ref readonly var third = ref bars[t];

        sbyte direction = 0;
        double top = 0, bottom = 0;
        if (first.High < third.Low && middle.Close > middle.Open)
        {
            direction = 1;
            top = third.Low;
            bottom = first.High;
        }
        else if (first.Low > third.High && middle.Close < middle.Open)
        {
            direction = -1;
            top = first.Low;
            bottom = third.High;
        }

        if (direction != 0 && _options.MinSizeAtr > 0 && atr is not null && top - bottom < _options.MinSizeAtr * atr.Value)
        {
            direction = 0;
        }

        long mergedRow = -1;
        var pool = direction > 0 ? _bull : _bear;
        if (direction != 0 && _options.JoinConsecutive && _lastOrigin == t - 2 && _lastDirection == direction
            && pool.IsUsed(_lastSlot) && pool[_lastSlot].OriginIndex == t - 2)
        {
            // Merge before testing bar t, so bar t is never tested against the gap it absorbs.
            ref readonly var previous = ref pool[_lastSlot];
            top = Math.Max(previous.Top, top);
            bottom = Math.Min(previous.Bottom, bottom);
            mergedRow = previous.OriginIndex;
            pool.Remove(_lastSlot);
            Version++;
        }

        Test(_bull, 1, third.Low, t, events);
        Test(_bear, -1, third.High, t, events);

        if (direction != 0)
        {
            var zone = new FvgZone(t - 1, middle.OpenTimeMs, direction, top, bottom, t, FvgFill.Untouched);
            _lastSlot = pool.Add(in zone, t, KeyOf(in zone), out _);
            _lastDirection = direction;
            _lastOrigin = t - 1;
            Version++;
            var id = new ZoneId(ZoneKind.Fvg, direction, _timeframeMs, middle.OpenTimeMs);
            events.Add(new IctEvent(IctEventKind.FvgCreated, direction, id, t, t - 1, double.NaN, top, bottom, -1));
            if (mergedRow >= 0)
            {
                events.Add(new IctEvent(IctEventKind.FvgMerged, direction, id, t, t - 1, double.NaN, top, bottom, mergedRow));
            }
        }
    }

    /// <summary>Heap key: bullish gaps trigger when low ≤ threshold (key −threshold ≤ −low); bearish when high ≥ threshold.</summary>
    private static double KeyOf(in FvgZone zone) => zone.Direction > 0 ? -zone.NextThreshold : zone.NextThreshold;

    private void Test(ZonePool<FvgZone> pool, sbyte direction, double price, long t, EventBuffer events)
    {
        var bull = direction > 0;
        var limit = bull ? -price : price;
        while (pool.TryPopTriggered(limit, out var slot))
        {
            ref var zone = ref pool[slot];
            var fill = zone.Fill;
            var retired = false;
            var id = new ZoneId(ZoneKind.Fvg, zone.Direction, _timeframeMs, zone.OriginTimeMs);
            // One bar can go through several thresholds at once: emit each fact in order.
            if (fill == FvgFill.Untouched)
            {
                fill = FvgFill.Touched;
                events.Add(new IctEvent(IctEventKind.FvgTouched, zone.Direction, id, t, zone.OriginIndex, bull ? zone.Top : zone.Bottom, zone.Top, zone.Bottom, -1));
                retired = _options.RetireOnFirstTouch;
            }

            if (!retired && fill == FvgFill.Touched && (bull ? price <= zone.Midpoint : price >= zone.Midpoint))
            {
                fill = FvgFill.MidpointTouched;
                events.Add(new IctEvent(IctEventKind.FvgMidpointTouched, zone.Direction, id, t, zone.OriginIndex, zone.Midpoint, zone.Top, zone.Bottom, -1));
            }

            if (!retired && fill == FvgFill.MidpointTouched && (bull ? price <= zone.Bottom : price >= zone.Top))
            {
                fill = FvgFill.Filled;
                events.Add(new IctEvent(IctEventKind.FvgFilled, zone.Direction, id, t, zone.OriginIndex, bull ? zone.Bottom : zone.Top, zone.Top, zone.Bottom, -1));
                retired = true;
            }

            Version++;
            if (retired)
            {
                pool.Remove(slot);
            }
            else
            {
                zone = zone with { Fill = fill };
                pool.Rearm(slot, KeyOf(in zone));
            }
        }
    }
}
