using TradingBot.Ict.Candles;
using TradingBot.Ict.Events;
using TradingBot.Ict.Primitives;
using TradingBot.Ict.Swings;

namespace TradingBot.Ict.OrderBlocks;

/// <summary>
/// Order blocks as the reference bar loop (§3.4a), which is incremental: at bar t first update the active
/// blocks (fail on a trade through the far edge, remove a failed block traded back through the near edge),
/// then, if the close crosses the latest swing high (low) for the first time, the bar with the lowest low
/// (highest high) strictly between the swing and t becomes a bullish (bearish) block. The caller supplies the
/// latest swing: causal swings live, or a final-swing oracle for parity.
/// </summary>
public sealed class OrderBlockDetector
{
    private readonly OrderBlockOptions _options;
    private readonly long _timeframeMs;
    private readonly Side _bull;
    private readonly Side _bear;

    public OrderBlockDetector(OrderBlockOptions options, long timeframeMs)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _timeframeMs = timeframeMs;
        _bull = new Side(1, options.MaxActive);
        _bear = new Side(-1, options.MaxActive);
    }

    /// <summary>Changes whenever the active set changes.</summary>
    public long Version { get; private set; }

    /// <summary>Tracked bullish blocks (intact and failed) in creation order; copied lazily after a change.</summary>
    public ReadOnlySpan<OrderBlock> ActiveBullish => _bull.Ordered(Version);

    /// <summary>Tracked bearish blocks (intact and failed) in creation order; copied lazily after a change.</summary>
    public ReadOnlySpan<OrderBlock> ActiveBearish => _bear.Ordered(Version);

    /// <param name="bars">Candles up to and including bar t.</param>
    /// <param name="latestHigh">Latest swing high with index &lt; t (or none).</param>
    /// <param name="latestLow">Latest swing low with index &lt; t (or none).</param>
    /// <param name="events">Receives the events of bar t.</param>
    public void OnBar(CandleRing bars, in SwingPoint latestHigh, in SwingPoint latestLow, EventBuffer events)
    {
        var t = bars.Count - 1;
        ref readonly var bar = ref bars[t];
        Update(_bull, in bar, t, events);
        Update(_bear, in bar, t, events);
        TrackLeg(_bull, bars, in latestHigh, t);
        TrackLeg(_bear, bars, in latestLow, t);
        TryCreate(_bull, bars, in latestHigh, t, events);
        TryCreate(_bear, bars, in latestLow, t, events);
    }

    private void Update(Side side, in Candle bar, long t, EventBuffer events)
    {
        var bull = side.Direction > 0;

        // Failed blocks first: a block that fails at t is not tested for removal at t (reference order).
        var scratch = side.Scratch;
        var n = 0;
        while (side.Failed.TryPopTriggered(bull ? bar.High : -bar.Low, out var slot))
        {
            scratch[n++] = slot;
            if (n == scratch.Length)
            {
                scratch = side.GrowScratch();
            }
        }

        for (var i = 0; i < n; i++)
        {
            var slot = scratch[i];
            ref readonly var block = ref side.Failed[slot];
            if (bull ? bar.High > block.Top : bar.Low < block.Bottom)
            {
                var id = new ZoneId(ZoneKind.OrderBlock, side.Direction, _timeframeMs, block.OriginTimeMs);
                events.Add(new IctEvent(IctEventKind.OrderBlockRemoved, side.Direction, id, t, block.OriginIndex, double.NaN, block.Top, block.Bottom, block.FailedIndex));
                side.Failed.Remove(slot);
                Version++;
            }
            else
            {
                side.Failed.Rearm(slot, Side.FailedKey(in block));
            }
        }

        n = 0;
        while (side.Intact.TryPopTriggered(bull ? -bar.Low : bar.High, out var slot))
        {
            scratch[n++] = slot;
            if (n == scratch.Length)
            {
                scratch = side.GrowScratch();
            }
        }

        var bodyLow = Math.Min(bar.Open, bar.Close);
        var bodyHigh = Math.Max(bar.Open, bar.Close);
        for (var i = 0; i < n; i++)
        {
            var slot = scratch[i];
            var block = side.Intact[slot];
            var failed = bull
                ? (_options.CloseMitigation ? bodyLow : bar.Low) < block.Bottom
                : (_options.CloseMitigation ? bodyHigh : bar.High) > block.Top;
            if (failed)
            {
                var failedAt = bull && !_options.FixBullishMitigatedIndex ? t - 1 : t;
                block = block with { FailedIndex = failedAt, Touched = true };
                var id = new ZoneId(ZoneKind.OrderBlock, side.Direction, _timeframeMs, block.OriginTimeMs);
                events.Add(new IctEvent(IctEventKind.OrderBlockFailed, side.Direction, id, t, block.OriginIndex, double.NaN, block.Top, block.Bottom, failedAt));
                side.Intact.Remove(slot);
                side.Failed.Add(in block, side.Intact.OrderOf(slot), Side.FailedKey(in block), out _);
                Version++;
                continue;
            }

            if (!block.Touched && (bull ? bar.Low <= block.Top : bar.High >= block.Bottom))
            {
                block = block with { Touched = true };
                side.Intact[slot] = block;
                var id = new ZoneId(ZoneKind.OrderBlock, side.Direction, _timeframeMs, block.OriginTimeMs);
                events.Add(new IctEvent(IctEventKind.OrderBlockTouched, side.Direction, id, t, block.OriginIndex, bull ? block.Top : block.Bottom, block.Top, block.Bottom, -1));
                Version++;
            }

            side.Intact.Rearm(slot, Side.IntactKey(in block));
        }
    }

    /// <summary>Keeps the extreme of bars strictly between the latest swing and t, latest bar on ties.</summary>
    private static void TrackLeg(Side side, CandleRing bars, in SwingPoint swing, long t)
    {
        if (!swing.Exists)
        {
            return;
        }

        if (swing.Index != side.LegSwing)
        {
            side.LegSwing = swing.Index;
            side.LegExtreme = double.NaN;
            side.LegExtremeIndex = -1;
            side.LegOppositeIndex = -1;
            side.LegCoveredTo = Math.Max(swing.Index, bars.OldestIndex - 1);
        }

        while (side.LegCoveredTo < t - 1)
        {
            var k = ++side.LegCoveredTo;
            ref readonly var candle = ref bars[k];
            var value = side.Direction > 0 ? candle.Low : candle.High;
            if (side.LegExtremeIndex < 0 || (side.Direction > 0 ? value <= side.LegExtreme : value >= side.LegExtreme))
            {
                side.LegExtreme = value;
                side.LegExtremeIndex = k;
            }

            if (side.Direction > 0 ? candle.IsDownClose : candle.IsUpClose)
            {
                side.LegOppositeIndex = k;
            }
        }
    }

    private void TryCreate(Side side, CandleRing bars, in SwingPoint swing, long t, EventBuffer events)
    {
        if (!swing.Exists || swing.Index >= t || swing.Index == side.CrossedSwing)
        {
            return;
        }

        ref readonly var bar = ref bars[t];
        var crossed = side.Direction > 0 ? bar.Close > swing.Level : bar.Close < swing.Level;
        if (!crossed)
        {
            return;
        }

        side.CrossedSwing = swing.Index;
        long k;
        double top, bottom;
        var chosen = _options.Candle == OrderBlockCandle.LastOpposite ? side.LegOppositeIndex : side.LegExtremeIndex;
        if (chosen >= 0)
        {
            k = chosen;
            ref readonly var candle = ref bars[k];
            top = candle.High;
            bottom = candle.Low;
        }
        else
        {
            // Reference bug kept on purpose: with no bar between swing and break it takes t−1 with top/bottom swapped.
            k = t - 1;
            ref readonly var candle = ref bars[k];
            top = candle.Low;
            bottom = candle.High;
        }

        var f32 = _options.Float32Levels;
        var v0 = bar.Volume;
        var v1 = t >= 1 && bars.Holds(t - 1) ? bars[t - 1].Volume : 0;
        var v2 = t >= 2 && bars.Holds(t - 2) ? bars[t - 2].Volume : 0;
        var high = Float32.Round(v0 + v1, f32);
        var low = Float32.Round(v2, f32);
        var max = Math.Max(high, low);
        var strength = max == 0 ? 100.0 : Float32.Round(Math.Min(high, low) / max * 100.0, f32);
        var block = new OrderBlock(k, bars[k].OpenTimeMs, side.Direction, Float32.Round(top, f32), Float32.Round(bottom, f32), t, swing.Index, Float32.Round(v0 + v1 + v2, f32), strength, false, -1);
        side.Intact.Add(in block, t, Side.IntactKey(in block), out _);
        Version++;
        var id = new ZoneId(ZoneKind.OrderBlock, side.Direction, _timeframeMs, block.OriginTimeMs);
        events.Add(new IctEvent(IctEventKind.OrderBlockCreated, side.Direction, id, t, k, swing.Level, block.Top, block.Bottom, swing.Index, block.Volume, block.Strength));
    }

    /// <summary>One direction: intact blocks keyed by their next entry/failure price, failed blocks by their removal price.</summary>
    private sealed class Side
    {
        private OrderBlock[] _ordered = new OrderBlock[16];
        private OrderBlock[] _orderedFailed = new OrderBlock[16];
        private long[] _orderScratch = new long[16];
        private int _orderedCount;

        public Side(sbyte direction, int maxActive)
        {
            Direction = direction;
            Intact = new ZonePool<OrderBlock>(maxActive);
            Failed = new ZonePool<OrderBlock>(maxActive);
        }

        public sbyte Direction { get; }

        public ZonePool<OrderBlock> Intact { get; }

        public ZonePool<OrderBlock> Failed { get; }

        public int[] Scratch { get; private set; } = new int[64];

        public long OrderedVersion { get; set; } = -1;

        public long LegSwing { get; set; } = -1;

        public double LegExtreme { get; set; } = double.NaN;

        public long LegExtremeIndex { get; set; } = -1;

        /// <summary>Latest down-close (bullish side) / up-close (bearish side) candle strictly between swing and t.</summary>
        public long LegOppositeIndex { get; set; } = -1;

        public long LegCoveredTo { get; set; }

        public long CrossedSwing { get; set; } = -1;

        /// <summary>Bullish intact blocks trigger when low ≤ (touched ? bottom : top) → key −price; bearish when high ≥ (touched ? top : bottom).</summary>
        public static double IntactKey(in OrderBlock block) => block.Direction > 0
            ? -(block.Touched ? block.Bottom : block.Top)
            : (block.Touched ? block.Top : block.Bottom);

        /// <summary>Failed bullish blocks are removed when high &gt; top → key top; failed bearish when low &lt; bottom → key −bottom.</summary>
        public static double FailedKey(in OrderBlock block) => block.Direction > 0 ? block.Top : -block.Bottom;

        public int[] GrowScratch()
        {
            var grown = Scratch;
            Array.Resize(ref grown, grown.Length * 2);
            Scratch = grown;
            return grown;
        }

        public ReadOnlySpan<OrderBlock> Ordered(long version)
        {
            if (OrderedVersion != version)
            {
                var intact = Intact.CopyOrdered(ref _ordered, ref _orderScratch);
                var failed = Failed.CopyOrdered(ref _orderedFailed, ref _orderScratch);
                if (_ordered.Length < intact + failed)
                {
                    Array.Resize(ref _ordered, intact + failed);
                }

                Array.Copy(_orderedFailed, 0, _ordered, intact, failed);
                Array.Sort(_ordered, 0, intact + failed, BlockOrder.Instance);
                _orderedCount = intact + failed;
                OrderedVersion = version;
            }

            return _ordered.AsSpan(0, _orderedCount);
        }
    }

    private sealed class BlockOrder : IComparer<OrderBlock>
    {
        public static readonly BlockOrder Instance = new();

        public int Compare(OrderBlock x, OrderBlock y) => x.CreatedIndex.CompareTo(y.CreatedIndex);
    }
}
