using System.Collections.Immutable;
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
/// lazily, only after something changed. Not thread-safe: one engine per grain/actor.
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
            var fvgs = ImmutableArray.CreateBuilder<FvgView>();
            AddNewest(fvgs, _fvg.ActiveBullish, n, tf, FvgViewOf);
            AddNewest(fvgs, _fvg.ActiveBearish, n, tf, FvgViewOf);
            _fvgViews = (_fvg.Version, fvgs.ToImmutable());
        }

        if (_blockViews.Version != _orderBlocks.Version)
        {
            var blocks = ImmutableArray.CreateBuilder<OrderBlockView>();
            AddNewest(blocks, _orderBlocks.ActiveBullish, n, tf, BlockViewOf);
            AddNewest(blocks, _orderBlocks.ActiveBearish, n, tf, BlockViewOf);
            _blockViews = (_orderBlocks.Version, blocks.ToImmutable());
        }

        if (_breakerViews.Version != _breakers.Version)
        {
            var breakers = ImmutableArray.CreateBuilder<BreakerView>();
            AddNewestBreakers(breakers, _breakers.Active, n, 1, tf);
            AddNewestBreakers(breakers, _breakers.Active, n, -1, tf);
            _breakerViews = (_breakers.Version, breakers.ToImmutable());
        }

        if (_poolViews.Version != _liquidity.Version)
        {
            var pools = ImmutableArray.CreateBuilder<LiquidityPoolView>();
            AddNewestPools(pools, _liquidity.BuySide, n, tf);
            AddNewestPools(pools, _liquidity.SellSide, n, tf);
            _poolViews = (_liquidity.Version, pools.ToImmutable());
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
            LevelsOf(_previousDay, ZoneKind.PreviousDay, tf),
            LevelsOf(_previousWeek, ZoneKind.PreviousWeek, tf));
    }

    private static FvgView FvgViewOf(in FvgZone z, long tf) =>
        new(new ZoneId(ZoneKind.Fvg, z.Direction, tf, z.OriginTimeMs), z.Direction, z.Top, z.Bottom, z.OriginIndex, z.CreatedIndex, z.Fill);

    private static OrderBlockView BlockViewOf(in OrderBlock b, long tf) =>
        new(new ZoneId(ZoneKind.OrderBlock, b.Direction, tf, b.OriginTimeMs), b.Direction, b.Top, b.Bottom, b.OriginIndex, b.CreatedIndex, b.Volume, b.Strength, b.Touched, b.IsFailed);

    private delegate TView ViewOf<TZone, TView>(in TZone zone, long tf);

    /// <summary>The newest <paramref name="max"/> zones of a creation-ordered span, kept in creation order.</summary>
    private static void AddNewest<TZone, TView>(ImmutableArray<TView>.Builder target, ReadOnlySpan<TZone> zones, int max, long tf, ViewOf<TZone, TView> view)
    {
        for (var i = Math.Max(0, zones.Length - max); i < zones.Length; i++)
        {
            target.Add(view(in zones[i], tf));
        }
    }

    private static void AddNewestBreakers(ImmutableArray<BreakerView>.Builder target, ReadOnlySpan<BreakerBlock> zones, int max, sbyte direction, long tf)
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
            ref readonly var b = ref zones[i];
            if (b.Direction == direction)
            {
                target.Add(new BreakerView(new ZoneId(ZoneKind.Breaker, b.Direction, tf, b.OriginTimeMs), b.Direction, b.Top, b.Bottom, b.OriginIndex, b.CreatedIndex, b.Retested));
            }
        }
    }

    private static void AddNewestPools(ImmutableArray<LiquidityPoolView>.Builder target, ReadOnlySpan<LiquidityPool> pools, int max, long tf)
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
            ref readonly var p = ref pools[i];
            if (p.IsPool)
            {
                target.Add(new LiquidityPoolView(new ZoneId(ZoneKind.LiquidityPool, p.Direction, tf, p.AnchorTimeMs), p.Direction, p.Level, p.Mean, p.Top, p.Bottom, p.Members, p.AnchorIndex, p.LastMemberIndex));
            }
        }
    }

    private static SwingView? SwingViewOf(SwingPoint point, long tf) =>
        point.Exists ? new SwingView(new ZoneId(ZoneKind.Swing, point.Direction, tf, point.TimeMs), point.Direction, point.Index, point.Level, point.Label) : null;

    private static PreviousLevelsView? LevelsOf(PreviousPeriodTracker? tracker, ZoneKind kind, long tf) =>
        tracker is null || double.IsNaN(tracker.PreviousHigh)
            ? null
            : new PreviousLevelsView(new ZoneId(kind, 0, tf, tracker.PreviousStartMs), tracker.PreviousHigh, tracker.PreviousLow, tracker.BrokenHigh, tracker.BrokenLow);
}
