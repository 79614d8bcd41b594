using TradingBot.Ict.Candles;
using TradingBot.Ict.Events;
using TradingBot.Ict.Primitives;
using TradingBot.Ict.Swings;

namespace TradingBot.Ict.Liquidity;

/// <summary>
/// Liquidity pools from clustered swings and their sweeps (§3.6). Per bar: <see cref="OnBar"/> retires anchors
/// traded beyond first, then the caller feeds swings that became final/confirmed with <see cref="AddSwing"/>;
/// a swing joins the earliest open same-side anchor it matches, otherwise it opens a new anchor.
/// </summary>
public sealed class LiquidityPoolDetector
{
    private readonly LiquidityOptions _options;
    private readonly long _timeframeMs;
    private readonly Book _buy;
    private readonly Book _sell;

    public LiquidityPoolDetector(LiquidityOptions options, long timeframeMs)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _timeframeMs = timeframeMs;
        _buy = new Book(1, options.MaxActive);
        _sell = new Book(-1, options.MaxActive);
    }

    /// <summary>Changes whenever a pool forms, grows or is retired.</summary>
    public long Version { get; private set; }

    /// <summary>Open buy-side anchors and pools in index order (pools have ≥ 2 members).</summary>
    public ReadOnlySpan<LiquidityPool> BuySide => _buy.Pools;

    public ReadOnlySpan<LiquidityPool> SellSide => _sell.Pools;

    /// <summary>Retires anchors and pools that bar t trades beyond and emits sweeps/runs.</summary>
    public void OnBar(in Candle bar, long t, EventBuffer events)
    {
        Retire(_buy, in bar, t, events);
        Retire(_sell, in bar, t, events);
    }

    /// <summary>Adds a swing known at bar t; <paramref name="atr"/> gives the causal tolerance.</summary>
    public void AddSwing(in SwingPoint swing, long t, AverageTrueRange? atr, EventBuffer events)
    {
        var book = swing.Direction > 0 ? _buy : _sell;
        var tolerance = _options.FixedTolerance > 0
            ? _options.FixedTolerance
            : Math.Max(_options.MinTolerance, _options.AtrMultiple * (atr?.Value ?? 0));
        var slot = _options.Rule == LiquidityRule.Reference ? FindReference(book, swing.Level, tolerance) : FindCausal(book, swing.Level, tolerance);
        if (slot < 0)
        {
            var threshold = _options.Rule == LiquidityRule.Reference
                ? swing.Level + (swing.Direction * tolerance)
                : swing.Level;
            book.Add(new LiquidityPool(swing.Index, swing.TimeMs, swing.Direction, swing.Level, threshold, 1, swing.Level, swing.Level, swing.Level, swing.Index));
            return;
        }

        ref var pool = ref book.Items[slot];
        pool = pool with
        {
            Members = pool.Members + 1,
            Sum = pool.Sum + swing.Level,
            Top = Math.Max(pool.Top, swing.Level),
            Bottom = Math.Min(pool.Bottom, swing.Level),
            LastMemberIndex = swing.Index,
        };
        Version++;
        var kind = pool.Members == 2 ? IctEventKind.LiquidityPoolFormed : IctEventKind.LiquidityPoolExtended;
        events.Add(new IctEvent(kind, pool.Direction, IdOf(in pool), t, pool.AnchorIndex, pool.Mean, pool.Top, pool.Bottom, swing.Index));
    }

    private static int FindReference(Book book, double level, double tolerance)
    {
        // Bounds computed exactly as the reference: [anchor − tol, anchor + tol], inclusive.
        for (var i = 0; i < book.Count; i++)
        {
            var anchor = book.Items[i].AnchorLevel;
            if (level >= anchor - tolerance && level <= anchor + tolerance)
            {
                return i;
            }
        }

        return -1;
    }

    private static int FindCausal(Book book, double level, double tolerance)
    {
        // Open anchors were never traded beyond, so buy-side anchor levels are non-increasing in index order
        // (sell-side non-decreasing) and every open anchor is on the far side of a new swing: binary search
        // for the earliest anchor within tolerance.
        var lo = 0;
        var hi = book.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            var anchor = book.Items[mid].AnchorLevel;
            var within = book.Direction > 0 ? anchor - tolerance <= level : anchor + tolerance >= level;
            if (within)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo < book.Count ? lo : -1;
    }

    private void Retire(Book book, in Candle bar, long t, EventBuffer events)
    {
        var buy = book.Direction > 0;
        var reference = _options.Rule == LiquidityRule.Reference;
        var hit = buy
            ? (reference ? bar.High >= book.Guard : bar.High > book.Guard)
            : (reference ? bar.Low <= book.Guard : bar.Low < book.Guard);
        if (!hit)
        {
            return;
        }

        // Causal books are monotone (see FindCausal): only a suffix can be beyond, so stop at the first survivor from the end.
        var first = 0;
        if (!reference)
        {
            first = book.Count;
            while (first > 0 && (buy ? bar.High > book.Items[first - 1].Threshold : bar.Low < book.Items[first - 1].Threshold))
            {
                first--;
            }
        }

        var write = first;
        for (var i = first; i < book.Count; i++)
        {
            var pool = book.Items[i];
            var beyond = buy
                ? (reference ? bar.High >= pool.Threshold : bar.High > pool.Threshold)
                : (reference ? bar.Low <= pool.Threshold : bar.Low < pool.Threshold);
            if (!beyond)
            {
                book.Items[write++] = pool;
                continue;
            }

            if (pool.IsPool)
            {
                var closedBack = buy ? bar.Close <= pool.Threshold : bar.Close >= pool.Threshold;
                var kind = closedBack ? IctEventKind.LiquiditySweep : IctEventKind.LiquidityRun;
                events.Add(new IctEvent(kind, pool.Direction, IdOf(in pool), t, pool.AnchorIndex, pool.Mean, pool.Top, pool.Bottom, pool.LastMemberIndex));
                Version++;
            }
        }

        book.Count = write;
        if (reference)
        {
            book.RecomputeGuard();
        }
        else
        {
            // Monotone book: the nearest threshold is the newest anchor's.
            book.SetGuardToLast();
        }
    }

    private ZoneId IdOf(in LiquidityPool pool) => new(ZoneKind.LiquidityPool, pool.Direction, _timeframeMs, pool.AnchorTimeMs);

    private sealed class Book
    {
        private readonly int _maxActive;

        public Book(sbyte direction, int maxActive)
        {
            Direction = direction;
            _maxActive = Math.Max(1, maxActive);
            Items = new LiquidityPool[_maxActive <= 4096 ? _maxActive : 64];
            RecomputeGuard();
        }

        public sbyte Direction { get; }

        public LiquidityPool[] Items { get; private set; }

        public int Count { get; set; }

        public ReadOnlySpan<LiquidityPool> Pools => Items.AsSpan(0, Count);

        /// <summary>Nearest retirement threshold (min for buy-side, max for sell-side).</summary>
        public double Guard { get; private set; }

        public void Add(in LiquidityPool pool)
        {
            if (Count == Items.Length)
            {
                if (Items.Length < _maxActive)
                {
                    var grown = Items;
                    Array.Resize(ref grown, (int)Math.Min(_maxActive, 2L * Items.Length));
                    Items = grown;
                }
                else
                {
                    var evicted = Items[0].Threshold;
                    Array.Copy(Items, 1, Items, 0, Count - 1);
                    Count--;
                    if (evicted == Guard)
                    {
                        RecomputeGuard();
                    }
                }
            }

            Items[Count++] = pool;
            Guard = Direction > 0 ? Math.Min(Guard, pool.Threshold) : Math.Max(Guard, pool.Threshold);
        }

        public void SetGuardToLast() =>
            Guard = Count > 0 ? Items[Count - 1].Threshold : (Direction > 0 ? double.PositiveInfinity : double.NegativeInfinity);

        public void RecomputeGuard()
        {
            Guard = Direction > 0 ? double.PositiveInfinity : double.NegativeInfinity;
            for (var i = 0; i < Count; i++)
            {
                Guard = Direction > 0 ? Math.Min(Guard, Items[i].Threshold) : Math.Max(Guard, Items[i].Threshold);
            }
        }
    }
}
