using System.Collections.Immutable;
using System.Runtime.InteropServices;
using TradingBot.Contracts.Market;
using TradingBot.Ict.Engine;
using TradingBot.Ict.Events;
using ZoneKind = TradingBot.Contracts.Market.ZoneKind;
using IctCandle = TradingBot.Ict.Candles.Candle;
using IctTimeframe = TradingBot.Ict.Candles.Timeframe;

namespace TradingBot.Grains.Market;

/// <summary>
/// The causal ICT engines of one symbol (1m, 15m, 1h via <see cref="MultiTimeframeIct"/>), translated
/// into the grain contracts. Zone lists are re-mapped only when an engine's snapshot changed.
/// </summary>
internal sealed class IctIndicatorPipeline : IIndicatorPipeline
{
    /// <summary>How many closed candles per timeframe <see cref="Candles"/> can return.</summary>
    internal const int RecentCandleCapacity = 1000;

    private static readonly Timeframe[] s_order = [Timeframe.M1, Timeframe.M15, Timeframe.H1];
    private readonly string _symbol;
    private readonly MultiTimeframeIct _ict;
    private readonly TimeframeState[] _states;

    public IctIndicatorPipeline(string symbol)
    {
        _symbol = symbol;
        _ict = MultiTimeframeIct.Standard(symbol);
        _states = s_order.Select(t => new TimeframeState(t, _ict.Engine(ToIct(t)))).ToArray();
    }

    public void WarmUp(Timeframe timeframe, IReadOnlyList<Candle> closed)
    {
        ArgumentNullException.ThrowIfNull(closed);
        if (timeframe == Timeframe.M1)
        {
            foreach (var candle in closed)
            {
                Feed(candle);
            }

            return;
        }

        var state = State(timeframe);
        foreach (var candle in closed)
        {
            var ict = ToIct(candle);
            if (state.Engine.OnCandleClosed(in ict).Accepted)
            {
                state.Accept(candle, ict, ImmutableArray<StructureBreak>.Empty, ImmutableArray<LiquiditySweep>.Empty, _symbol);
            }
        }
    }

    public IReadOnlyList<IndicatorSnapshot> OnMinuteClosed(Candle candle) => Feed(candle);

    public IndicatorSnapshot? Latest(Timeframe timeframe) => State(timeframe).Latest;

    public IReadOnlyList<Candle> Candles(Timeframe timeframe, int count) => State(timeframe).Recent(count);

    public DateTimeOffset? LastClosed(Timeframe timeframe) => State(timeframe).Latest?.Candle.OpenTime;

    private IndicatorSnapshot[] Feed(Candle minute)
    {
        var update = _ict.OnMinuteClosed(ToIct(minute));
        if (update.ClosedMask == 0)
        {
            return [];
        }

        // Exactly sized: most minutes produce one snapshot, and callers may keep the result.
        var produced = new IndicatorSnapshot[int.PopCount(update.ClosedMask & ((1 << _states.Length) - 1))];
        var next = 0;
        for (var i = _states.Length - 1; i >= 0; i--)
        {
            if ((update.ClosedMask & (1 << i)) == 0)
            {
                continue;
            }

            var state = _states[i];
            var ictCandle = state.Engine.LastCandle;
            var candle = i == 0 ? minute : FromIct(_symbol, state.Timeframe, ictCandle);
            // Most bars carry no break or sweep of this timeframe: the builders are only made for one that does, else
            // the shared empty arrays are handed out (what an empty builder yields).
            ImmutableArray<StructureBreak>.Builder? breaks = null;
            ImmutableArray<LiquiditySweep>.Builder? sweeps = null;
            var tfMs = (long)state.Timeframe.Span.TotalMilliseconds;
            foreach (ref readonly var e in update.Events.Span)
            {
                if (e.Zone.TimeframeMs != tfMs)
                {
                    continue;
                }

                if (e.Kind is IctEventKind.Bos or IctEventKind.Choch)
                {
                    (breaks ??= ImmutableArray.CreateBuilder<StructureBreak>()).Add(new StructureBreak(e.Zone.ToString(), state.Timeframe, e.Kind == IctEventKind.Bos ? StructureBreakKind.Bos : StructureBreakKind.Choch,
                        e.Direction > 0 ? Direction.Bullish : Direction.Bearish, (decimal)e.Level, candle.CloseTime));
                }
                else if (e.Kind == IctEventKind.LiquiditySweep)
                {
                    var buySide = e.Direction > 0;
                    (sweeps ??= ImmutableArray.CreateBuilder<LiquiditySweep>()).Add(new LiquiditySweep(e.Zone.ToString() + "@" + candle.OpenTime.ToUnixTimeMilliseconds(), state.Timeframe, buySide ? LiquiditySide.BuySide : LiquiditySide.SellSide,
                        (decimal)e.Level, buySide ? candle.High : candle.Low, candle.CloseTime));
                }
            }

            produced[next++] = state.Accept(candle, ictCandle, breaks?.ToImmutable() ?? [], sweeps?.ToImmutable() ?? [], _symbol);
        }

        return produced;
    }

    private TimeframeState State(Timeframe timeframe) => _states[Array.IndexOf(s_order, timeframe)];

    private static IctTimeframe ToIct(Timeframe timeframe) => new((long)timeframe.Span.TotalMilliseconds);

    private static IctCandle ToIct(Candle c) =>
        new(c.OpenTime.ToUnixTimeMilliseconds(), (double)c.Open, (double)c.High, (double)c.Low, (double)c.Close, (double)c.Volume);

    private static Candle FromIct(string symbol, Timeframe timeframe, IctCandle c) =>
        new(symbol, timeframe, DateTimeOffset.FromUnixTimeMilliseconds(c.OpenTimeMs), (decimal)c.Open, (decimal)c.High, (decimal)c.Low, (decimal)c.Close, (decimal)c.Volume);

    /// <summary>Per-timeframe engine, bar clock, recent candles and the last mapped snapshot.</summary>
    private sealed class TimeframeState(Timeframe timeframe, IctEngine engine)
    {
        private readonly BarClock _clock = new();
        private readonly Queue<Candle> _candles = new();
        private IctSnapshot? _mappedFrom;
        private ImmutableArray<Zone> _zones = [];
        private ImmutableArray<LiquidityPool> _pools = [];

        // Contract objects of zones and pools still present, so an unchanged zone is never re-created
        // (its id string is formatted once in its life). Kept per kind: zone ids carry their kind, so a
        // lookup can only ever hit a zone of the same kind.
        private readonly ZoneMapping _fvgZones = new();
        private readonly ZoneMapping _blockZones = new();
        private readonly ZoneMapping _breakerZones = new();
        private Dictionary<ZoneId, LiquidityPool> _poolCache = [];
        private Dictionary<ZoneId, LiquidityPool> _poolNext = [];

        // The engine re-uses a kind's view array while that detector is unchanged: the same array maps to the same
        // zones, so re-mapping it is skipped. Not when two views share an id: re-mapping then swaps the later one's
        // contract object in for the earlier (what mapping every time did), so those kinds are still re-mapped.
        private ImmutableArray<FvgView> _fvgSource;
        private ImmutableArray<OrderBlockView> _blockSource;
        private ImmutableArray<BreakerView> _breakerSource;
        private ImmutableArray<LiquidityPoolView> _poolSource;
        private IctEvent _lastBreakEvent;
        private StructureBreak? _lastBreak;

        /// <summary>How each kind of engine view becomes a contract zone (structs, so the generic mapping code inlines them).</summary>
        private readonly struct FvgMapper : IViewMapper<FvgView>
        {
            public bool Include(FvgView view) => true;

            public ZoneId IdOf(FvgView view) => view.Id;

            public Zone Map(TimeframeState state, FvgView f) =>
                state.ZoneOf(state._fvgZones, f.Id, ZoneKind.FairValueGap, f.Direction, f.Top, f.Bottom, f.CreatedIndex, f.Fill != Ict.Fvg.FvgFill.Untouched);
        }

        private readonly struct BlockMapper : IViewMapper<OrderBlockView>
        {
            public bool Include(OrderBlockView view) => !view.Failed;

            public ZoneId IdOf(OrderBlockView view) => view.Id;

            public Zone Map(TimeframeState state, OrderBlockView b) =>
                state.ZoneOf(state._blockZones, b.Id, ZoneKind.OrderBlock, b.Direction, b.Top, b.Bottom, b.CreatedIndex, b.Touched);
        }

        private readonly struct BreakerMapper : IViewMapper<BreakerView>
        {
            public bool Include(BreakerView view) => true;

            public ZoneId IdOf(BreakerView view) => view.Id;

            public Zone Map(TimeframeState state, BreakerView b) =>
                state.ZoneOf(state._breakerZones, b.Id, ZoneKind.Breaker, b.Direction, b.Top, b.Bottom, b.CreatedIndex, b.Retested);
        }

        public Timeframe Timeframe { get; } = timeframe;

        public IctEngine Engine { get; } = engine;

        public IndicatorSnapshot? Latest { get; private set; }

        public IReadOnlyList<Candle> Recent(int count) => _candles.Skip(Math.Max(0, _candles.Count - count)).ToList();

        public IndicatorSnapshot Accept(Candle candle, IctCandle ictCandle, ImmutableArray<StructureBreak> breaks, ImmutableArray<LiquiditySweep> sweeps, string symbol)
        {
            _clock.Record(Engine.BarCount - 1, ictCandle.OpenTimeMs);
            _candles.Enqueue(candle);
            if (_candles.Count > RecentCandleCapacity)
            {
                _candles.Dequeue();
            }

            var snapshot = Engine.Snapshot;
            if (!ReferenceEquals(snapshot, _mappedFrom))
            {
                _mappedFrom = snapshot;
                _zones = MapZones(snapshot);
                _pools = MapPools(snapshot);
            }

            var trend = snapshot.Trend switch { > 0 => Direction.Bullish, < 0 => Direction.Bearish, _ => (Direction?)null };
            StructureBreak? lastBreak = null;
            if (snapshot.RecentStructureBreaks.Length > 0)
            {
                var e = snapshot.RecentStructureBreaks[^1];
                var at = FormedAt(e.BarIndex);
                // The same break is the last one for many bars: map it once and hand out the same object while it,
                // and the time it is dated at, stay the same.
                if (_lastBreak is null || _lastBreakEvent != e || _lastBreak.At != at)
                {
                    var text = _lastBreak is not null && _lastBreakEvent.Zone == e.Zone ? _lastBreak.Id : e.Zone.ToString();
                    _lastBreakEvent = e;
                    _lastBreak = new StructureBreak(text, Timeframe, e.Kind == IctEventKind.Bos ? StructureBreakKind.Bos : StructureBreakKind.Choch,
                        e.Direction > 0 ? Direction.Bullish : Direction.Bearish, (decimal)e.Level, at);
                }

                lastBreak = _lastBreak;
            }

            Latest = new IndicatorSnapshot(symbol, Timeframe, candle, trend, _zones, _pools, breaks, sweeps, lastBreak);
            return Latest;
        }

        private ImmutableArray<Zone> MapZones(IctSnapshot s)
        {
            var changed = false;
            if (!s.Fvgs.Equals(_fvgSource) || _fvgSource.IsDefault || _fvgZones.HasDuplicates)
            {
                _fvgSource = s.Fvgs;
                Remap(_fvgZones, s.Fvgs.AsSpan(), default(FvgMapper));
                changed = true;
            }

            if (!s.OrderBlocks.Equals(_blockSource) || _blockSource.IsDefault || _blockZones.HasDuplicates)
            {
                _blockSource = s.OrderBlocks;
                Remap(_blockZones, s.OrderBlocks.AsSpan(), default(BlockMapper));
                changed = true;
            }

            if (!s.Breakers.Equals(_breakerSource) || _breakerSource.IsDefault || _breakerZones.HasDuplicates)
            {
                _breakerSource = s.Breakers;
                Remap(_breakerZones, s.Breakers.AsSpan(), default(BreakerMapper));
                changed = true;
            }

            if (!changed)
            {
                return _zones;
            }

            var count = _fvgZones.Current.Count + _blockZones.Current.Count + _breakerZones.Current.Count;
            if (count == _zones.Length && SameZones(_zones.AsSpan(), _fvgZones.Current, _blockZones.Current, _breakerZones.Current))
            {
                // A view changed in a way the contract does not show (e.g. an FVG touched again): same zones, same array.
                return _zones;
            }

            var zones = new Zone[count];
            _fvgZones.Current.CopyTo(zones, 0);
            _blockZones.Current.CopyTo(zones, _fvgZones.Current.Count);
            _breakerZones.Current.CopyTo(zones, _fvgZones.Current.Count + _blockZones.Current.Count);
            return ImmutableCollectionsMarshal.AsImmutableArray(zones);
        }

        private static bool SameZones(ReadOnlySpan<Zone> zones, List<Zone> a, List<Zone> b, List<Zone> c)
        {
            var i = 0;
            foreach (var list in (ReadOnlySpan<List<Zone>>)[a, b, c])
            {
                foreach (var zone in list)
                {
                    if (!ReferenceEquals(zones[i++], zone))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary>
        /// Maps one kind's views to contract zones. The engine hands out the same view object for a zone that did not
        /// change, and a view object maps to the zone it mapped to last time (its cache entry holds exactly that zone and
        /// the same top/bottom), so only new or changed views go through <see cref="ZoneOf"/>. When any id is shared
        /// by two views the full mapping runs instead (which view's entry a lookup finds then depends on order).
        /// </summary>
        private void Remap<TView, TMapper>(ZoneMapping mapping, ReadOnlySpan<TView> views, TMapper mapper)
            where TView : class
            where TMapper : struct, IViewMapper<TView>
        {
            if (!mapping.TryRemapKept(views, mapper, this))
            {
                foreach (var view in views)
                {
                    if (mapper.Include(view))
                    {
                        mapping.Add(mapper.Map(this, view), view, mapper.IdOf(view));
                    }
                }

                mapping.Complete();
            }
        }

        private Zone ZoneOf(ZoneMapping mapping, ZoneId id, ZoneKind kind, sbyte direction, double top, double bottom, long createdIndex, bool touched)
        {
            // Equal doubles convert to equal decimals, so the (slow) conversion is only needed when they differ.
            if (!mapping.TryGetPrevious(id, out var previous) || previous.Zone.Touched != touched
                || !((previous.Top == top && previous.Bottom == bottom) || (previous.Zone.Top == (decimal)top && previous.Zone.Bottom == (decimal)bottom)))
            {
                // A zone that changed keeps its id text: formatting a ZoneId is the costly part of a new Zone.
                var text = previous.Zone?.Id ?? id.ToString();
                previous = (new Zone(text, kind, Timeframe, Dir(direction), (decimal)top, (decimal)bottom, FormedAt(createdIndex), touched), top, bottom);
            }

            mapping.Remember(id, previous.Zone, top, bottom);
            return previous.Zone;
        }

        private ImmutableArray<LiquidityPool> MapPools(IctSnapshot s)
        {
            if (s.LiquidityPools.Equals(_poolSource) && !_poolSource.IsDefault && _poolCache.Count == _pools.Length)
            {
                return _pools;
            }

            _poolSource = s.LiquidityPools;
            var pools = ImmutableArray.CreateBuilder<LiquidityPool>(s.LiquidityPools.Length);
            foreach (var p in s.LiquidityPools)
            {
                if (!_poolCache.TryGetValue(p.Id, out var pool) || pool.Members != p.Members || pool.Level != (decimal)p.Level)
                {
                    pool = new LiquidityPool(pool?.Id ?? p.Id.ToString(), Timeframe, p.Direction > 0 ? LiquiditySide.BuySide : LiquiditySide.SellSide, (decimal)p.Level, p.Members, FormedAt(p.LastMemberIndex));
                }

                _poolNext[p.Id] = pool;
                pools.Add(pool);
            }

            (_poolCache, _poolNext) = (_poolNext, _poolCache);
            _poolNext.Clear();
            return pools.MoveToImmutable();
        }

        /// <summary>Close time of the bar at which something became known.</summary>
        private DateTimeOffset FormedAt(long barIndex) =>
            _clock.OpenTime(barIndex) is { } open ? DateTimeOffset.FromUnixTimeMilliseconds(open) + Timeframe.Span : DateTimeOffset.MinValue;

        private static Direction Dir(sbyte direction) => direction > 0 ? Direction.Bullish : Direction.Bearish;
    }

    /// <summary>How one kind of engine view becomes a contract zone.</summary>
    private interface IViewMapper<TView>
    {
        bool Include(TView view);

        ZoneId IdOf(TView view);

        Zone Map(TimeframeState state, TView view);
    }

    /// <summary>The zones of one kind as last mapped, and the contract objects kept for the next mapping.</summary>
    private sealed class ZoneMapping
    {
        private Dictionary<ZoneId, (Zone Zone, double Top, double Bottom)> _cache = [];
        private Dictionary<ZoneId, (Zone Zone, double Top, double Bottom)> _next = [];
        private List<Zone> _building = [];
        private List<object> _views = [];
        private List<object> _buildingViews = [];
        private List<ZoneId> _ids = [];
        private List<ZoneId> _buildingIds = [];
        private bool _writeThrough;

        // Scratch of the kept-view pass, per current view: included, its id, and the index of the same object in the
        // last mapping (−1 when new or changed); per view of the last mapping: kept or not.
        private bool[] _included = new bool[16];
        private ZoneId[] _currentIds = new ZoneId[16];
        private int[] _keptFrom = new int[16];
        private bool[] _previousKept = new bool[16];

        public List<Zone> Current { get; private set; } = [];

        /// <summary>True when two zones of the last mapping share an id.</summary>
        public bool HasDuplicates => _cache.Count < Current.Count;

        /// <summary>The zone last mapped for <paramref name="id"/> with the engine values it was mapped from.</summary>
        public bool TryGetPrevious(ZoneId id, out (Zone Zone, double Top, double Bottom) previous) => _cache.TryGetValue(id, out previous);

        public void Remember(ZoneId id, Zone zone, double top, double bottom)
        {
            if (_writeThrough)
            {
                _cache[id] = (zone, top, bottom);
            }
            else
            {
                _next[id] = (zone, top, bottom);
            }
        }

        public void Add(Zone zone, object view, ZoneId id)
        {
            _building.Add(zone);
            _buildingViews.Add(view);
            _buildingIds.Add(id);
        }

        /// <summary>The zones added since the last call become <see cref="Current"/>; only they stay cached.</summary>
        public void Complete()
        {
            (_cache, _next) = (_next, _cache);
            _next.Clear();
            Swap();
        }

        /// <summary>
        /// The mapping with every view that is the very object mapped last time taking its zone unchanged and the others
        /// mapped as usual; the cache ends up exactly as the full mapping leaves it. False (nothing done) when ids are
        /// shared, where the full mapping must run.
        /// </summary>
        public bool TryRemapKept<TView, TMapper>(ReadOnlySpan<TView> views, TMapper mapper, TimeframeState state)
            where TView : class
            where TMapper : struct, IViewMapper<TView>
        {
            if (HasDuplicates)
            {
                return false;
            }

            if (TryReplaceOne(views, mapper, state))
            {
                return true;
            }

            if (_keptFrom.Length < views.Length)
            {
                _included = new bool[views.Length * 2];
                _currentIds = new ZoneId[views.Length * 2];
                _keptFrom = new int[views.Length * 2];
            }

            if (_previousKept.Length < _views.Count)
            {
                _previousKept = new bool[_views.Count * 2];
            }

            Array.Clear(_previousKept, 0, _views.Count);
            var next = 0;
            var changed = 0;
            for (var i = 0; i < views.Length; i++)
            {
                _keptFrom[i] = -1;
                _included[i] = mapper.Include(views[i]);
                if (!_included[i])
                {
                    continue;
                }

                _currentIds[i] = mapper.IdOf(views[i]);
                for (var k = next; k < _views.Count; k++)
                {
                    if (ReferenceEquals(_views[k], views[i]))
                    {
                        _keptFrom[i] = k;
                        _previousKept[k] = true;
                        next = k + 1;
                        break;
                    }
                }

                if (_keptFrom[i] < 0)
                {
                    changed++;
                }
            }

            // A new or changed view whose id another view shares: leave it to the full mapping.
            for (var i = 0; i < views.Length && changed > 0; i++)
            {
                if (_keptFrom[i] >= 0 || !_included[i])
                {
                    continue;
                }

                for (var m = 0; m < views.Length; m++)
                {
                    if (m != i && _included[m] && _currentIds[m] == _currentIds[i])
                    {
                        return false;
                    }
                }
            }

            // Ids of last time that are gone now leave the cache (a changed view's id stays: it is re-remembered).
            for (var k = 0; k < _views.Count; k++)
            {
                if (_previousKept[k])
                {
                    continue;
                }

                var id = _ids[k];
                var stays = false;
                for (var i = 0; i < views.Length && !stays; i++)
                {
                    stays = _keptFrom[i] < 0 && _included[i] && _currentIds[i] == id;
                }

                if (!stays)
                {
                    _cache.Remove(id);
                }
            }

            _writeThrough = true;
            try
            {
                for (var i = 0; i < views.Length; i++)
                {
                    if (_keptFrom[i] >= 0)
                    {
                        Add(Current[_keptFrom[i]], views[i], _currentIds[i]);
                    }
                    else if (_included[i])
                    {
                        Add(mapper.Map(state, views[i]), views[i], _currentIds[i]);
                    }
                }
            }
            finally
            {
                _writeThrough = false;
            }

            Swap();
            return true;
        }

        /// <summary>
        /// The most common change: every view is the object of last time at the same place but one (a zone touched,
        /// filled or resized). That one is mapped in place; the cache changes exactly as the full mapping would change it.
        /// </summary>
        private bool TryReplaceOne<TView, TMapper>(ReadOnlySpan<TView> views, TMapper mapper, TimeframeState state)
            where TView : class
            where TMapper : struct, IViewMapper<TView>
        {
            if (views.Length != _views.Count)
            {
                return false;
            }

            var position = -1;
            for (var i = 0; i < views.Length; i++)
            {
                if (!ReferenceEquals(views[i], _views[i]))
                {
                    if (position >= 0)
                    {
                        return false;
                    }

                    position = i;
                }
            }

            if (position < 0 || !mapper.Include(views[position]))
            {
                return false;
            }

            var view = views[position];
            var id = mapper.IdOf(view);
            for (var m = 0; m < _ids.Count; m++)
            {
                if (m != position && _ids[m] == id)
                {
                    return false;
                }
            }

            if (_ids[position] != id)
            {
                // The replaced view's id is in no other view: it leaves the cache, as the full mapping drops it.
                _cache.Remove(_ids[position]);
            }

            _writeThrough = true;
            try
            {
                Current[position] = mapper.Map(state, view);
            }
            finally
            {
                _writeThrough = false;
            }

            _views[position] = view;
            _ids[position] = id;
            return true;
        }

        private void Swap()
        {
            (Current, _building) = (_building, Current);
            _building.Clear();
            (_views, _buildingViews) = (_buildingViews, _views);
            _buildingViews.Clear();
            (_ids, _buildingIds) = (_buildingIds, _ids);
            _buildingIds.Clear();
        }
    }
}
