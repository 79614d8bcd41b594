using TradingBot.Ict.Candles;
using TradingBot.Ict.Events;
using TradingBot.Ict.Swings;

namespace TradingBot.Ict.Breakers;

/// <summary>
/// Causal breaker blocks (§3.5, bullish; bearish mirrored). With confirmed swings C (low) then D (high), at the
/// first close above D since D: if some low after D went strictly below C (the sweep), the last up-close candle
/// in (C, D], scanning back from D, becomes a bullish breaker. It is retested when price comes back into it and
/// invalidated by a close below its bottom.
/// </summary>
public sealed class BreakerBlockDetector
{
    private readonly BreakerOptions _options;
    private readonly long _timeframeMs;
    private readonly Leg _bull = new(1);
    private readonly Leg _bear = new(-1);
    private BreakerBlock[] _items;
    private int _count;
    private double _bullGuard = double.NegativeInfinity;
    private double _bearGuard = double.PositiveInfinity;

    public BreakerBlockDetector(BreakerOptions options, long timeframeMs)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _timeframeMs = timeframeMs;
        _items = new BreakerBlock[options.MaxActive <= 4096 ? Math.Max(1, options.MaxActive) : 64];
    }

    public long Version { get; private set; }

    public ReadOnlySpan<BreakerBlock> Active => _items.AsSpan(0, _count);

    public void OnBar(CandleRing bars, SwingDetector swings, EventBuffer events)
    {
        ArgumentNullException.ThrowIfNull(swings);
        var t = bars.Count - 1;
        ref readonly var bar = ref bars[t];
        UpdateActive(in bar, t, events);
        Track(_bull, bars, swings.LastHigh, swings.LowBeforeLastHigh, t, events);
        Track(_bear, bars, swings.LastLow, swings.HighBeforeLastLow, t, events);
    }

    private void UpdateActive(in Candle bar, long t, EventBuffer events)
    {
        if (!(bar.Low <= _bullGuard) && !(bar.High >= _bearGuard))
        {
            return;
        }

        var write = 0;
        for (var i = 0; i < _count; i++)
        {
            var zone = _items[i];
            var bull = zone.Direction > 0;
            if (bull ? bar.Close < zone.Bottom : bar.Close > zone.Top)
            {
                var id = new ZoneId(ZoneKind.Breaker, zone.Direction, _timeframeMs, zone.OriginTimeMs);
                events.Add(new IctEvent(IctEventKind.BreakerInvalidated, zone.Direction, id, t, zone.OriginIndex, bull ? zone.Bottom : zone.Top, zone.Top, zone.Bottom, zone.BrokenSwingIndex));
                Version++;
                continue;
            }

            if (!zone.Retested && (bull ? bar.Low <= zone.Top : bar.High >= zone.Bottom))
            {
                zone = zone with { Retested = true };
                var id = new ZoneId(ZoneKind.Breaker, zone.Direction, _timeframeMs, zone.OriginTimeMs);
                events.Add(new IctEvent(IctEventKind.BreakerRetested, zone.Direction, id, t, zone.OriginIndex, bull ? zone.Top : zone.Bottom, zone.Top, zone.Bottom, zone.BrokenSwingIndex));
                Version++;
            }

            _items[write++] = zone;
        }

        _count = write;
        RecomputeGuards();
    }

    /// <summary>Bullish: scan when low ≤ max(retested ? bottom : top); bearish mirrored. Invalidation implies the wick crossed too.</summary>
    private void RecomputeGuards()
    {
        _bullGuard = double.NegativeInfinity;
        _bearGuard = double.PositiveInfinity;
        for (var i = 0; i < _count; i++)
        {
            ref readonly var zone = ref _items[i];
            if (zone.Direction > 0)
            {
                _bullGuard = Math.Max(_bullGuard, zone.Retested ? zone.Bottom : zone.Top);
            }
            else
            {
                _bearGuard = Math.Min(_bearGuard, zone.Retested ? zone.Top : zone.Bottom);
            }
        }
    }

    private void Track(Leg leg, CandleRing bars, SwingPoint d, SwingPoint c, long t, EventBuffer events)
    {
        if (!d.Exists)
        {
            return;
        }

        var bull = leg.Direction > 0;
        if (d.Index != leg.D.Index)
        {
            leg.D = d;
            leg.C = c;
            leg.Shifted = false;
            leg.Extreme = bull ? double.PositiveInfinity : double.NegativeInfinity;
            for (var k = Math.Max(d.Index + 1, bars.OldestIndex); k < t; k++)
            {
                leg.Extreme = bull ? Math.Min(leg.Extreme, bars[k].Low) : Math.Max(leg.Extreme, bars[k].High);
            }
        }

        ref readonly var bar = ref bars[t];
        leg.Extreme = bull ? Math.Min(leg.Extreme, bar.Low) : Math.Max(leg.Extreme, bar.High);
        if (leg.Shifted || !(bull ? bar.Close > d.Level : bar.Close < d.Level))
        {
            return;
        }

        leg.Shifted = true;
        var swept = leg.C.Exists && (bull ? leg.Extreme < leg.C.Level : leg.Extreme > leg.C.Level);
        if (!swept)
        {
            return;
        }

        for (var k = d.Index; k > leg.C.Index && k >= bars.OldestIndex; k--)
        {
            ref readonly var candle = ref bars[k];
            if (bull ? candle.IsUpClose : candle.IsDownClose)
            {
                var top = _options.UseBody ? Math.Max(candle.Open, candle.Close) : candle.High;
                var bottom = _options.UseBody ? Math.Min(candle.Open, candle.Close) : candle.Low;
                var zone = new BreakerBlock(k, candle.OpenTimeMs, leg.Direction, top, bottom, t, leg.C.Index, d.Index, false);
                Add(in zone);
                var id = new ZoneId(ZoneKind.Breaker, leg.Direction, _timeframeMs, candle.OpenTimeMs);
                events.Add(new IctEvent(IctEventKind.BreakerCreated, leg.Direction, id, t, k, d.Level, top, bottom, d.Index));
                return;
            }
        }
    }

    private void Add(in BreakerBlock zone)
    {
        if (_count == _items.Length)
        {
            if (_items.Length < _options.MaxActive)
            {
                Array.Resize(ref _items, (int)Math.Min(_options.MaxActive, 2L * _items.Length));
            }
            else
            {
                Array.Copy(_items, 1, _items, 0, _count - 1);
                _count--;
            }
        }

        _items[_count++] = zone;
        Version++;
        RecomputeGuards();
    }

    private sealed class Leg(sbyte direction)
    {
        public sbyte Direction { get; } = direction;

        public SwingPoint D { get; set; } = SwingPoint.None;

        public SwingPoint C { get; set; } = SwingPoint.None;

        public bool Shifted { get; set; }

        public double Extreme { get; set; }
    }
}
