using System.Collections.Immutable;
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

    private List<IndicatorSnapshot> Feed(Candle minute)
    {
        var update = _ict.OnMinuteClosed(ToIct(minute));
        var produced = new List<IndicatorSnapshot>(3);
        for (var i = _states.Length - 1; i >= 0; i--)
        {
            if ((update.ClosedMask & (1 << i)) == 0)
            {
                continue;
            }

            var state = _states[i];
            var ictCandle = state.Engine.LastCandle;
            var candle = i == 0 ? minute : FromIct(_symbol, state.Timeframe, ictCandle);
            // Most bars carry no event: skip the builders and hand out the shared empty arrays (what an empty builder yields).
            var breaks = update.Events.IsEmpty ? null : ImmutableArray.CreateBuilder<StructureBreak>();
            var sweeps = update.Events.IsEmpty ? null : ImmutableArray.CreateBuilder<LiquiditySweep>();
            var tfMs = (long)state.Timeframe.Span.TotalMilliseconds;
            foreach (ref readonly var e in update.Events.Span)
            {
                if (e.Zone.TimeframeMs != tfMs)
                {
                    continue;
                }

                if (e.Kind is IctEventKind.Bos or IctEventKind.Choch)
                {
                    breaks!.Add(new StructureBreak(e.Zone.ToString(), state.Timeframe, e.Kind == IctEventKind.Bos ? StructureBreakKind.Bos : StructureBreakKind.Choch,
                        e.Direction > 0 ? Direction.Bullish : Direction.Bearish, (decimal)e.Level, candle.CloseTime));
                }
                else if (e.Kind == IctEventKind.LiquiditySweep)
                {
                    var buySide = e.Direction > 0;
                    sweeps!.Add(new LiquiditySweep(e.Zone.ToString() + "@" + candle.OpenTime.ToUnixTimeMilliseconds(), state.Timeframe, buySide ? LiquiditySide.BuySide : LiquiditySide.SellSide,
                        (decimal)e.Level, buySide ? candle.High : candle.Low, candle.CloseTime));
                }
            }

            produced.Add(state.Accept(candle, ictCandle, breaks?.ToImmutable() ?? [], sweeps?.ToImmutable() ?? [], _symbol));
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
        private const int CandleCapacity = 1000;
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
        private ZoneId _lastBreakZone;
        private string? _lastBreakText;

        public Timeframe Timeframe { get; } = timeframe;

        public IctEngine Engine { get; } = engine;

        public IndicatorSnapshot? Latest { get; private set; }

        public IReadOnlyList<Candle> Recent(int count) => _candles.Skip(Math.Max(0, _candles.Count - count)).ToList();

        public IndicatorSnapshot Accept(Candle candle, IctCandle ictCandle, ImmutableArray<StructureBreak> breaks, ImmutableArray<LiquiditySweep> sweeps, string symbol)
        {
            _clock.Record(Engine.BarCount - 1, ictCandle.OpenTimeMs);
            _candles.Enqueue(candle);
            if (_candles.Count > CandleCapacity)
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
                // The same break is the last one for many bars: format its id once.
                if (_lastBreakText is null || _lastBreakZone != e.Zone)
                {
                    _lastBreakZone = e.Zone;
                    _lastBreakText = e.Zone.ToString();
                }

                lastBreak = new StructureBreak(_lastBreakText, Timeframe, e.Kind == IctEventKind.Bos ? StructureBreakKind.Bos : StructureBreakKind.Choch,
                    e.Direction > 0 ? Direction.Bullish : Direction.Bearish, (decimal)e.Level, FormedAt(e.BarIndex));
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
                foreach (var f in s.Fvgs)
                {
                    _fvgZones.Add(ZoneOf(_fvgZones, f.Id, ZoneKind.FairValueGap, f.Direction, f.Top, f.Bottom, f.CreatedIndex, f.Fill != Ict.Fvg.FvgFill.Untouched));
                }

                _fvgZones.Complete();
                changed = true;
            }

            if (!s.OrderBlocks.Equals(_blockSource) || _blockSource.IsDefault || _blockZones.HasDuplicates)
            {
                _blockSource = s.OrderBlocks;
                foreach (var b in s.OrderBlocks)
                {
                    if (!b.Failed)
                    {
                        _blockZones.Add(ZoneOf(_blockZones, b.Id, ZoneKind.OrderBlock, b.Direction, b.Top, b.Bottom, b.CreatedIndex, b.Touched));
                    }
                }

                _blockZones.Complete();
                changed = true;
            }

            if (!s.Breakers.Equals(_breakerSource) || _breakerSource.IsDefault || _breakerZones.HasDuplicates)
            {
                _breakerSource = s.Breakers;
                foreach (var b in s.Breakers)
                {
                    _breakerZones.Add(ZoneOf(_breakerZones, b.Id, ZoneKind.Breaker, b.Direction, b.Top, b.Bottom, b.CreatedIndex, b.Retested));
                }

                _breakerZones.Complete();
                changed = true;
            }

            if (!changed)
            {
                return _zones;
            }

            var zones = ImmutableArray.CreateBuilder<Zone>(_fvgZones.Current.Count + _blockZones.Current.Count + _breakerZones.Current.Count);
            zones.AddRange(_fvgZones.Current);
            zones.AddRange(_blockZones.Current);
            zones.AddRange(_breakerZones.Current);
            return zones.MoveToImmutable();
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

    /// <summary>The zones of one kind as last mapped, and the contract objects kept for the next mapping.</summary>
    private sealed class ZoneMapping
    {
        private Dictionary<ZoneId, (Zone Zone, double Top, double Bottom)> _cache = [];
        private Dictionary<ZoneId, (Zone Zone, double Top, double Bottom)> _next = [];
        private List<Zone> _building = [];

        public List<Zone> Current { get; private set; } = [];

        /// <summary>True when two zones of the last mapping share an id.</summary>
        public bool HasDuplicates => _cache.Count < Current.Count;

        /// <summary>The zone last mapped for <paramref name="id"/> with the engine values it was mapped from.</summary>
        public bool TryGetPrevious(ZoneId id, out (Zone Zone, double Top, double Bottom) previous) => _cache.TryGetValue(id, out previous);

        public void Remember(ZoneId id, Zone zone, double top, double bottom) => _next[id] = (zone, top, bottom);

        public void Add(Zone zone) => _building.Add(zone);

        /// <summary>The zones added since the last call become <see cref="Current"/>; only they stay cached.</summary>
        public void Complete()
        {
            (_cache, _next) = (_next, _cache);
            _next.Clear();
            (Current, _building) = (_building, Current);
            _building.Clear();
        }
    }
}
