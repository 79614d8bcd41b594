using System.Collections.Immutable;
using System.Runtime.InteropServices;
using TradingBot.Ict.Breakers;
using TradingBot.Ict.Candles;
using TradingBot.Ict.Events;
using TradingBot.Ict.Fvg;
using TradingBot.Ict.Liquidity;
using TradingBot.Ict.OrderBlocks;
using TradingBot.Ict.Periods;
using TradingBot.Ict.Primitives;
using TradingBot.Ict.Structure;
using TradingBot.Ict.Swings;

namespace TradingBot.Ict.Engine;

/// <summary>
/// All ICT detectors of one symbol + timeframe, fed one closed candle at a time. Every event is emitted at the
/// bar where its fact becomes known. Steady-state processing does not allocate; <see cref="Snapshot"/> is rebuilt
/// lazily, only after something changed, and keeps the view objects (and lists) of zones that did not change. Not thread-safe: one engine per grain/actor.
/// </summary>
public sealed class IctEngine
{
    private readonly IctOptions _options;
    private readonly CandleRing _bars;
    private readonly EventBuffer _events = new();
    private readonly AverageTrueRange _atr;
    private readonly SwingDetector _swings;
    private readonly MarketStructureDetector _structure;
    private readonly FvgDetector _fvg;
    private readonly OrderBlockDetector _orderBlocks;
    private readonly BreakerBlockDetector _breakers;
    private readonly LiquidityPoolDetector _liquidity;
    private readonly PreviousPeriodTracker? _previousDay;
    private readonly PreviousPeriodTracker? _previousWeek;
    private readonly RecentEvents _recentBreaks;
    private readonly RecentEvents _recentSweeps;
    private long _detectorVersion;
    private long _version;
    private long _snapshotVersion = -1;
    private long _changedAt = -1;
    private IctSnapshot _snapshot;

    // Per-kind caches: a rebuild only re-creates the lists whose detector changed.
    private long _swingVersion;
    private long _recentVersion;
    private (long Version, ImmutableArray<FvgView> Views) _fvgViews = (-1, []);
    private (long Version, ImmutableArray<OrderBlockView> Views) _blockViews = (-1, []);
    private (long Version, ImmutableArray<BreakerView> Views) _breakerViews = (-1, []);
    private (long Version, ImmutableArray<LiquidityPoolView> Views) _poolViews = (-1, []);
    private (long Version, SwingView? High, SwingView? Low) _swingViews = (-1, null, null);
    private (long Version, ImmutableArray<IctEvent> Breaks, ImmutableArray<IctEvent> Sweeps) _recentViews = (-1, [], []);
    private readonly Scratch<FvgZone> _fvgScratch = new();
    private readonly Scratch<OrderBlock> _blockScratch = new();
    private readonly Scratch<BreakerBlock> _breakerScratch = new();
    private readonly Scratch<LiquidityPool> _poolScratch = new();

    public IctEngine(IctOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        var tf = options.Timeframe.Milliseconds;
        _bars = new CandleRing(Math.Max(options.HistoryCapacity, (4 * options.SwingLength) + 8));
        _atr = new AverageTrueRange(options.AtrPeriod);
        _swings = new SwingDetector(new SwingOptions(options.SwingLength, options.SwingWarmupQuirk), tf);
        _structure = new MarketStructureDetector(tf, options.StructureFloat32Levels);
        _fvg = new FvgDetector(options.Fvg, tf);
        _orderBlocks = new OrderBlockDetector(options.OrderBlocks, tf);
        _breakers = new BreakerBlockDetector(options.Breakers, tf);
        _liquidity = new LiquidityPoolDetector(options.Liquidity, tf);
        _previousDay = options.TrackPreviousDay ? new PreviousPeriodTracker(PreviousPeriodOptions.Day, tf) : null;
        _previousWeek = options.TrackPreviousWeek ? new PreviousPeriodTracker(PreviousPeriodOptions.Week, tf) : null;
        _recentBreaks = new RecentEvents(options.SnapshotRecentEvents);
        _recentSweeps = new RecentEvents(options.SnapshotRecentEvents);
        _snapshot = IctSnapshot.Empty(options.Symbol, options.Timeframe);
    }

    public IctOptions Options => _options;

    /// <summary>Number of candles processed; the last one has index BarCount − 1.</summary>
    public long BarCount => _bars.Count;

    /// <summary>The last processed candle (default before the first).</summary>
    public Candle LastCandle => _bars.Count == 0 ? default : _bars.Last;

    /// <summary>Current state; rebuilt on first access after a change.</summary>
    public IctSnapshot Snapshot
    {
        get
        {
            if (_snapshotVersion != _version)
            {
                _snapshot = BuildSnapshot();
                _snapshotVersion = _version;
            }

            return _snapshot;
        }
    }

    internal SwingDetector Swings => _swings;

    /// <summary>Processes one closed candle. Duplicates, out-of-order and invalid candles are rejected (reported, not thrown).</summary>
    public IctUpdate OnCandleClosed(in Candle candle)
    {
        _events.Clear();
        if (!double.IsFinite(candle.Open) || !double.IsFinite(candle.High) || !double.IsFinite(candle.Low)
            || !double.IsFinite(candle.Close) || !double.IsFinite(candle.Volume) || candle.High < candle.Low)
        {
            return new IctUpdate(IctUpdateStatus.RejectedInvalid, _bars.Count - 1, ReadOnlyMemory<IctEvent>.Empty, false);
        }

        var tf = _options.Timeframe.Milliseconds;
        var t = _bars.Count;
        if (t > 0)
        {
            var previous = _bars.Last.OpenTimeMs;
            if (candle.OpenTimeMs <= previous)
            {
                return new IctUpdate(IctUpdateStatus.RejectedNotAfterPrevious, t - 1, ReadOnlyMemory<IctEvent>.Empty, false);
            }

            if (candle.OpenTimeMs != previous + tf)
            {
                var missing = ((candle.OpenTimeMs - previous) / tf) - 1;
                _events.Add(new IctEvent(IctEventKind.CandleGap, 0, new ZoneId(ZoneKind.None, 0, tf, candle.OpenTimeMs), t, t, double.NaN, double.NaN, double.NaN, missing));
            }
        }

        _bars.Add(in candle);
        _atr.OnBar(in candle);
        _liquidity.OnBar(in candle, t, _events);
        _swings.OnBar(_bars, _events);
        if (_swings.Change != SwingChange.None)
        {
            _liquidity.AddSwing(_swings.Last, t, _atr, _events);
        }

        _structure.OnBar(in candle, t, _swings.LastHigh, _swings.LastLow, _events);
        _fvg.OnBar(_bars, _atr, _events);
        _orderBlocks.OnBar(_bars, _swings.LastHigh, _swings.LastLow, _events);
        _breakers.OnBar(_bars, _swings, _events);
        _previousDay?.OnBar(in candle, t, _events);
        _previousWeek?.OnBar(in candle, t, _events);

        var changed = _swings.Change != SwingChange.None;
        if (changed)
        {
            _swingVersion++;
        }

        foreach (ref readonly var e in _events.Span)
        {
            switch (e.Kind)
            {
                case IctEventKind.Bos:
                case IctEventKind.Choch:
                    _recentBreaks.Add(in e);
                    _recentVersion++;
                    break;
                case IctEventKind.LiquiditySweep:
                case IctEventKind.LiquidityRun:
                    _recentSweeps.Add(in e);
                    _recentVersion++;
                    break;
                case IctEventKind.PreviousPeriodRolled:
                case IctEventKind.PreviousHighBroken:
                case IctEventKind.PreviousLowBroken:
                    changed = true;
                    break;
                default:
                    break;
            }
        }

        var detectorVersion = _structure.Version + _fvg.Version + _orderBlocks.Version + _breakers.Version + _liquidity.Version;
        if (detectorVersion != _detectorVersion)
        {
            _detectorVersion = detectorVersion;
            changed = true;
        }

        if (changed)
        {
            _version++;
            _changedAt = t;
        }

        return new IctUpdate(IctUpdateStatus.Processed, t, _events.Memory, changed);
    }

    private IctSnapshot BuildSnapshot()
    {
        var tf = _options.Timeframe.Milliseconds;
        var n = Math.Max(1, _options.SnapshotZonesPerKind);

        if (_fvgViews.Version != _fvg.Version)
        {
            _fvgScratch.Clear();
            AddNewest(_fvgScratch, _fvg.ActiveBullish, n);
            AddNewest(_fvgScratch, _fvg.ActiveBearish, n);
            _fvgViews = (_fvg.Version, Reconcile(_fvgViews.Views, _fvgScratch.Span, tf, s_fvgView, s_sameFvg));
        }

        if (_blockViews.Version != _orderBlocks.Version)
        {
            _blockScratch.Clear();
            AddNewest(_blockScratch, _orderBlocks.ActiveBullish, n);
            AddNewest(_blockScratch, _orderBlocks.ActiveBearish, n);
            _blockViews = (_orderBlocks.Version, Reconcile(_blockViews.Views, _blockScratch.Span, tf, s_blockView, s_sameBlock));
        }

        if (_breakerViews.Version != _breakers.Version)
        {
            _breakerScratch.Clear();
            AddNewestBreakers(_breakerScratch, _breakers.Active, n, 1);
            AddNewestBreakers(_breakerScratch, _breakers.Active, n, -1);
            _breakerViews = (_breakers.Version, Reconcile(_breakerViews.Views, _breakerScratch.Span, tf, s_breakerView, s_sameBreaker));
        }

        if (_poolViews.Version != _liquidity.Version)
        {
            _poolScratch.Clear();
            AddNewestPools(_poolScratch, _liquidity.BuySide, n);
            AddNewestPools(_poolScratch, _liquidity.SellSide, n);
            _poolViews = (_liquidity.Version, Reconcile(_poolViews.Views, _poolScratch.Span, tf, s_poolView, s_samePool));
        }

        if (_swingViews.Version != _swingVersion)
        {
            _swingViews = (_swingVersion, SwingViewOf(_swings.LastHigh, tf), SwingViewOf(_swings.LastLow, tf));
        }

        if (_recentViews.Version != _recentVersion)
        {
            _recentViews = (_recentVersion, _recentBreaks.ToImmutable(), _recentSweeps.ToImmutable());
        }

        return new IctSnapshot(
            _options.Symbol,
            _options.Timeframe,
            _changedAt,
            _changedAt >= 0 ? _bars[_changedAt].OpenTimeMs : 0,
            _structure.Trend,
            _swingViews.High,
            _swingViews.Low,
            _fvgViews.Views,
            _blockViews.Views,
            _breakerViews.Views,
            _poolViews.Views,
            _recentViews.Breaks,
            _recentViews.Sweeps,
            LevelsOf(_previousDay, ZoneKind.PreviousDay, tf, _snapshot.PreviousDay),
            LevelsOf(_previousWeek, ZoneKind.PreviousWeek, tf, _snapshot.PreviousWeek));
    }

    private static readonly ViewOf<FvgZone, FvgView> s_fvgView = static (in z, tf) =>
        new(new ZoneId(ZoneKind.Fvg, z.Direction, tf, z.OriginTimeMs), z.Direction, z.Top, z.Bottom, z.OriginIndex, z.CreatedIndex, z.Fill);

    private static readonly SameAs<FvgZone, FvgView> s_sameFvg = static (in z, v, tf) =>
        v.Id == new ZoneId(ZoneKind.Fvg, z.Direction, tf, z.OriginTimeMs) && v.Direction == z.Direction && Same(v.Top, z.Top) && Same(v.Bottom, z.Bottom)
        && v.OriginIndex == z.OriginIndex && v.CreatedIndex == z.CreatedIndex && v.Fill == z.Fill;

    private static readonly ViewOf<OrderBlock, OrderBlockView> s_blockView = static (in b, tf) =>
        new(new ZoneId(ZoneKind.OrderBlock, b.Direction, tf, b.OriginTimeMs), b.Direction, b.Top, b.Bottom, b.OriginIndex, b.CreatedIndex, b.Volume, b.Strength, b.Touched, b.IsFailed);

    private static readonly SameAs<OrderBlock, OrderBlockView> s_sameBlock = static (in b, v, tf) =>
        v.Id == new ZoneId(ZoneKind.OrderBlock, b.Direction, tf, b.OriginTimeMs) && v.Direction == b.Direction && Same(v.Top, b.Top) && Same(v.Bottom, b.Bottom)
        && v.OriginIndex == b.OriginIndex && v.CreatedIndex == b.CreatedIndex && Same(v.Volume, b.Volume) && Same(v.StrengthPercent, b.Strength)
        && v.Touched == b.Touched && v.Failed == b.IsFailed;

    private static readonly ViewOf<BreakerBlock, BreakerView> s_breakerView = static (in b, tf) =>
        new(new ZoneId(ZoneKind.Breaker, b.Direction, tf, b.OriginTimeMs), b.Direction, b.Top, b.Bottom, b.OriginIndex, b.CreatedIndex, b.Retested);

    private static readonly SameAs<BreakerBlock, BreakerView> s_sameBreaker = static (in b, v, tf) =>
        v.Id == new ZoneId(ZoneKind.Breaker, b.Direction, tf, b.OriginTimeMs) && v.Direction == b.Direction && Same(v.Top, b.Top) && Same(v.Bottom, b.Bottom)
        && v.OriginIndex == b.OriginIndex && v.CreatedIndex == b.CreatedIndex && v.Retested == b.Retested;

    private static readonly ViewOf<LiquidityPool, LiquidityPoolView> s_poolView = static (in p, tf) =>
        new(new ZoneId(ZoneKind.LiquidityPool, p.Direction, tf, p.AnchorTimeMs), p.Direction, p.Level, p.Mean, p.Top, p.Bottom, p.Members, p.AnchorIndex, p.LastMemberIndex);

    private static readonly SameAs<LiquidityPool, LiquidityPoolView> s_samePool = static (in p, v, tf) =>
        v.Id == new ZoneId(ZoneKind.LiquidityPool, p.Direction, tf, p.AnchorTimeMs) && v.Direction == p.Direction && Same(v.Level, p.Level) && Same(v.Mean, p.Mean)
        && Same(v.Top, p.Top) && Same(v.Bottom, p.Bottom) && v.Members == p.Members && v.AnchorIndex == p.AnchorIndex && v.LastMemberIndex == p.LastMemberIndex;

    private delegate TView ViewOf<TZone, TView>(in TZone zone, long tf);

    private delegate bool SameAs<TZone, TView>(in TZone zone, TView view, long tf);

    /// <summary>Bit-for-bit equality, so a kept view carries exactly the value a new one would.</summary>
    private static bool Same(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);

    /// <summary>
    /// The views of <paramref name="zones"/>, re-using the previous view object of every zone that did not change and the
    /// previous array itself when nothing visible changed. A detector's version moves on any change, also to zones beyond
    /// the snapshot's newest-N window, so most rebuilds change nothing that the snapshot shows.
    /// </summary>
    private static ImmutableArray<TView> Reconcile<TZone, TView>(ImmutableArray<TView> previous, ReadOnlySpan<TZone> zones, long tf, ViewOf<TZone, TView> create, SameAs<TZone, TView> same)
        where TView : class
    {
        if (previous.Length == zones.Length)
        {
            var all = true;
            for (var i = 0; i < zones.Length && all; i++)
            {
                all = same(in zones[i], previous[i], tf);
            }

            if (all)
            {
                return previous;
            }
        }

        if (zones.Length == 0)
        {
            return [];
        }

        // Both lists are in the same order (creation order within each direction), so a forward scan finds kept views.
        var views = new TView[zones.Length];
        var next = 0;
        for (var i = 0; i < zones.Length; i++)
        {
            TView? view = null;
            for (var k = next; k < previous.Length; k++)
            {
                if (same(in zones[i], previous[k], tf))
                {
                    view = previous[k];
                    next = k + 1;
                    break;
                }
            }

            views[i] = view ?? create(in zones[i], tf);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(views);
    }

    /// <summary>The newest <paramref name="max"/> zones of a creation-ordered span, kept in creation order.</summary>
    private static void AddNewest<TZone>(Scratch<TZone> target, ReadOnlySpan<TZone> zones, int max)
    {
        for (var i = Math.Max(0, zones.Length - max); i < zones.Length; i++)
        {
            target.Add(in zones[i]);
        }
    }

    private static void AddNewestBreakers(Scratch<BreakerBlock> target, ReadOnlySpan<BreakerBlock> zones, int max, sbyte direction)
    {
        var start = zones.Length;
        var taken = 0;
        while (start > 0 && taken < max)
        {
            start--;
            if (zones[start].Direction == direction)
            {
                taken++;
            }
        }

        for (var i = start; i < zones.Length; i++)
        {
            if (zones[i].Direction == direction)
            {
                target.Add(in zones[i]);
            }
        }
    }

    private static void AddNewestPools(Scratch<LiquidityPool> target, ReadOnlySpan<LiquidityPool> pools, int max)
    {
        var start = pools.Length;
        var taken = 0;
        while (start > 0 && taken < max)
        {
            start--;
            if (pools[start].IsPool)
            {
                taken++;
            }
        }

        for (var i = start; i < pools.Length; i++)
        {
            if (pools[i].IsPool)
            {
                target.Add(in pools[i]);
            }
        }
    }

    /// <summary>A reusable list of zone values (the selection a rebuild maps), so selecting allocates nothing.</summary>
    private sealed class Scratch<T>
    {
        private T[] _items = new T[8];

        public int Count { get; private set; }

        public ReadOnlySpan<T> Span => _items.AsSpan(0, Count);

        public void Clear() => Count = 0;

        public void Add(in T item)
        {
            if (Count == _items.Length)
            {
                Array.Resize(ref _items, _items.Length * 2);
            }

            _items[Count++] = item;
        }
    }

    private static SwingView? SwingViewOf(SwingPoint point, long tf) =>
        point.Exists ? new SwingView(new ZoneId(ZoneKind.Swing, point.Direction, tf, point.TimeMs), point.Direction, point.Index, point.Level, point.Label) : null;

    /// <summary>The levels of <paramref name="tracker"/>, re-using <paramref name="previous"/> when they did not change.</summary>
    private static PreviousLevelsView? LevelsOf(PreviousPeriodTracker? tracker, ZoneKind kind, long tf, PreviousLevelsView? previous)
    {
        if (tracker is null || double.IsNaN(tracker.PreviousHigh))
        {
            return null;
        }

        var id = new ZoneId(kind, 0, tf, tracker.PreviousStartMs);
        return previous is not null && previous.Id == id && Same(previous.High, tracker.PreviousHigh) && Same(previous.Low, tracker.PreviousLow)
            && previous.BrokenHigh == tracker.BrokenHigh && previous.BrokenLow == tracker.BrokenLow
            ? previous
            : new PreviousLevelsView(id, tracker.PreviousHigh, tracker.PreviousLow, tracker.BrokenHigh, tracker.BrokenLow);
    }
}
