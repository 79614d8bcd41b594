using TradingBot.Contracts.Market;

namespace TradingBot.Trading.Strategies;

/// <summary>
/// What a strategy knows about one symbol: the latest ICT snapshot per timeframe, the last few
/// 1m candles and recent sweeps. Owned by one StrategyGrain turn at a time, so it is mutable.
/// </summary>
public sealed class MarketView
{
    private const int RecentCandleCapacity = 120;
    private const int SweepCapacity = 64;

    // The three timeframes the pipeline publishes get a field each: a snapshot is applied per item and looked up
    // several times per evaluation. Any other timeframe falls back to the dictionary.
    private IndicatorSnapshot? _m1;
    private IndicatorSnapshot? _m15;
    private IndicatorSnapshot? _h1;
    private Dictionary<Timeframe, IndicatorSnapshot>? _other;
    private readonly Candle[] _ring = new Candle[RecentCandleCapacity];
    private int _ringNext;
    private int _ringCount;
    private readonly LinkedList<LiquiditySweep> _sweeps = new();
    private DateTimeOffset? _newestM15Sweep;

    public MarketView(string symbol)
    {
        Symbol = symbol;
    }

    public string Symbol { get; }

    /// <summary>The last 1m candles, oldest first (a copy).</summary>
    public IReadOnlyCollection<Candle> Recent1m
    {
        get
        {
            var copy = new Candle[_ringCount];
            var start = (_ringNext - _ringCount + RecentCandleCapacity) % RecentCandleCapacity;
            for (var i = 0; i < copy.Length; i++)
            {
                copy[i] = _ring[(start + i) % RecentCandleCapacity];
            }

            return copy;
        }
    }

    /// <summary>Sweeps seen on any timeframe, oldest first.</summary>
    public IReadOnlyCollection<LiquiditySweep> Sweeps => _sweeps;

    public IndicatorSnapshot? Latest(Timeframe timeframe) =>
        timeframe.Minutes switch
        {
            1 => _m1,
            15 => _m15,
            60 => _h1,
            _ => _other?.GetValueOrDefault(timeframe),
        };

    /// <summary>The sweeps as their concrete list, so the rules enumerate them without allocating.</summary>
    internal LinkedList<LiquiditySweep> SweepList => _sweeps;

    /// <summary>Whether any of the last <paramref name="count"/> 1m candles traded into <paramref name="zone"/>.</summary>
    internal bool RecentlyTraded(Zone zone, int count)
    {
        // Newest first, stopping at the first overlap: the same answer as scanning the last candles oldest first.
        var n = Math.Min(count, _ringCount);
        var at = _ringNext;
        for (var i = 0; i < n; i++)
        {
            at = at == 0 ? RecentCandleCapacity - 1 : at - 1;
            var candle = _ring[at];
            if (zone.Overlaps(candle.Low, candle.High))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// False when no 15m sweep that happened at or before <paramref name="now"/> and at most <paramref name="window"/>
    /// earlier can be among <see cref="Sweeps"/>: a test in constant time that lets a rule skip its scans.
    /// </summary>
    internal bool MayHave15mSweepWithin(DateTimeOffset now, TimeSpan window) =>
        _newestM15Sweep is { } newest && (newest > now || now - newest <= window);

    /// <summary>Records a snapshot; snapshots of one timeframe arrive in time order.</summary>
    public void Apply(IndicatorSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        switch (snapshot.Timeframe.Minutes)
        {
            case 1:
                _m1 = snapshot;
                break;
            case 15:
                _m15 = snapshot;
                break;
            case 60:
                _h1 = snapshot;
                break;
            default:
                (_other ??= [])[snapshot.Timeframe] = snapshot;
                break;
        }

        if (snapshot.Timeframe == Timeframe.M1)
        {
            _ring[_ringNext] = snapshot.Candle;
            _ringNext = _ringNext == RecentCandleCapacity - 1 ? 0 : _ringNext + 1;
            _ringCount = Math.Min(_ringCount + 1, RecentCandleCapacity);
        }

        foreach (var sweep in snapshot.Sweeps)
        {
            if (sweep.Timeframe == Timeframe.M15 && (_newestM15Sweep is not { } newest || sweep.At > newest))
            {
                _newestM15Sweep = sweep.At;
            }

            _sweeps.AddLast(sweep);
            if (_sweeps.Count > SweepCapacity)
            {
                _sweeps.RemoveFirst();
            }
        }
    }

    /// <summary>
    /// The nearest untaken liquidity level beyond <paramref name="entry"/> in the trade's direction,
    /// across 15m and 1h pools: buy-side above for longs, sell-side below for shorts.
    /// </summary>
    public LiquidityPool? NextLiquidity(Direction direction, decimal entry)
    {
        LiquidityPool? best = null;
        foreach (var timeframe in s_targetTimeframes)
        {
            if (Latest(timeframe) is not { } snapshot)
            {
                continue;
            }

            foreach (var pool in snapshot.Pools)
            {
                var beyond = direction == Direction.Bullish
                    ? pool.Side == LiquiditySide.BuySide && pool.Level > entry
                    : pool.Side == LiquiditySide.SellSide && pool.Level < entry;
                if (beyond && (best is null || Math.Abs(pool.Level - entry) < Math.Abs(best.Level - entry)))
                {
                    best = pool;
                }
            }
        }

        return best;
    }

    private static readonly Timeframe[] s_targetTimeframes = [Timeframe.M15, Timeframe.H1];
}
