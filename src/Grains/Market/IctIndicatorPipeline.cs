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
            var breaks = ImmutableArray.CreateBuilder<StructureBreak>();
            var sweeps = ImmutableArray.CreateBuilder<LiquiditySweep>();
            var tfMs = (long)state.Timeframe.Span.TotalMilliseconds;
            foreach (ref readonly var e in update.Events.Span)
            {
                if (e.Zone.TimeframeMs != tfMs)
                {
                    continue;
                }

                if (e.Kind is IctEventKind.Bos or IctEventKind.Choch)
                {
                    breaks.Add(new StructureBreak(e.Zone.ToString(), state.Timeframe, e.Kind == IctEventKind.Bos ? StructureBreakKind.Bos : StructureBreakKind.Choch,
                        e.Direction > 0 ? Direction.Bullish : Direction.Bearish, (decimal)e.Level, candle.CloseTime));
                }
                else if (e.Kind == IctEventKind.LiquiditySweep)
                {
                    var buySide = e.Direction > 0;
                    sweeps.Add(new LiquiditySweep(e.Zone.ToString() + "@" + candle.OpenTime.ToUnixTimeMilliseconds(), state.Timeframe, buySide ? LiquiditySide.BuySide : LiquiditySide.SellSide,
                        (decimal)e.Level, buySide ? candle.High : candle.Low, candle.CloseTime));
                }
            }

            produced.Add(state.Accept(candle, ictCandle, breaks.ToImmutable(), sweeps.ToImmutable(), _symbol));
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
        // (its id string is formatted once in its life).
        private Dictionary<ZoneId, Zone> _zoneCache = [];
        private Dictionary<ZoneId, Zone> _zoneNext = [];
        private Dictionary<ZoneId, LiquidityPool> _poolCache = [];
        private Dictionary<ZoneId, LiquidityPool> _poolNext = [];

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
                lastBreak = new StructureBreak(e.Zone.ToString(), Timeframe, e.Kind == IctEventKind.Bos ? StructureBreakKind.Bos : StructureBreakKind.Choch,
                    e.Direction > 0 ? Direction.Bullish : Direction.Bearish, (decimal)e.Level, FormedAt(e.BarIndex));
            }

            Latest = new IndicatorSnapshot(symbol, Timeframe, candle, trend, _zones, _pools, breaks, sweeps, lastBreak);
            return Latest;
        }

        private ImmutableArray<Zone> MapZones(IctSnapshot s)
        {
            var zones = ImmutableArray.CreateBuilder<Zone>(s.Fvgs.Length + s.OrderBlocks.Length + s.Breakers.Length);
            foreach (var f in s.Fvgs)
            {
                zones.Add(ZoneOf(f.Id, ZoneKind.FairValueGap, f.Direction, f.Top, f.Bottom, f.CreatedIndex, f.Fill != Ict.Fvg.FvgFill.Untouched));
            }

            foreach (var b in s.OrderBlocks)
            {
                if (!b.Failed)
                {
                    zones.Add(ZoneOf(b.Id, ZoneKind.OrderBlock, b.Direction, b.Top, b.Bottom, b.CreatedIndex, b.Touched));
                }
            }

            foreach (var b in s.Breakers)
            {
                zones.Add(ZoneOf(b.Id, ZoneKind.Breaker, b.Direction, b.Top, b.Bottom, b.CreatedIndex, b.Retested));
            }

            (_zoneCache, _zoneNext) = (_zoneNext, _zoneCache);
            _zoneNext.Clear();
            return zones.ToImmutable();
        }

        private Zone ZoneOf(ZoneId id, ZoneKind kind, sbyte direction, double top, double bottom, long createdIndex, bool touched)
        {
            if (!_zoneCache.TryGetValue(id, out var zone) || zone.Touched != touched || zone.Top != (decimal)top || zone.Bottom != (decimal)bottom)
            {
                zone = new Zone(id.ToString(), kind, Timeframe, Dir(direction), (decimal)top, (decimal)bottom, FormedAt(createdIndex), touched);
            }

            _zoneNext[id] = zone;
            return zone;
        }

        private ImmutableArray<LiquidityPool> MapPools(IctSnapshot s)
        {
            var pools = ImmutableArray.CreateBuilder<LiquidityPool>(s.LiquidityPools.Length);
            foreach (var p in s.LiquidityPools)
            {
                if (!_poolCache.TryGetValue(p.Id, out var pool) || pool.Members != p.Members || pool.Level != (decimal)p.Level)
                {
                    pool = new LiquidityPool(p.Id.ToString(), Timeframe, p.Direction > 0 ? LiquiditySide.BuySide : LiquiditySide.SellSide, (decimal)p.Level, p.Members, FormedAt(p.LastMemberIndex));
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
}
