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
    private readonly Dictionary<Timeframe, IndicatorSnapshot> _latest = [];
    private readonly Queue<Candle> _recent1m = new();
    private readonly LinkedList<LiquiditySweep> _sweeps = new();

    public MarketView(string symbol)
    {
        Symbol = symbol;
    }

    public string Symbol { get; }

    /// <summary>The last 1m candles, oldest first.</summary>
    public IReadOnlyCollection<Candle> Recent1m => _recent1m;

    /// <summary>Sweeps seen on any timeframe, oldest first.</summary>
    public IReadOnlyCollection<LiquiditySweep> Sweeps => _sweeps;

    public IndicatorSnapshot? Latest(Timeframe timeframe) => _latest.GetValueOrDefault(timeframe);

    /// <summary>The sweeps as their concrete list, so the rules enumerate them without allocating.</summary>
    internal LinkedList<LiquiditySweep> SweepList => _sweeps;

    /// <summary>Whether any of the last <paramref name="count"/> 1m candles traded into <paramref name="zone"/>.</summary>
    internal bool RecentlyTraded(Zone zone, int count)
    {
        var skip = Math.Max(0, _recent1m.Count - count);
        foreach (var candle in _recent1m)
        {
            if (skip > 0)
            {
                skip--;
                continue;
            }

            if (zone.Overlaps(candle.Low, candle.High))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Records a snapshot; snapshots of one timeframe arrive in time order.</summary>
    public void Apply(IndicatorSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _latest[snapshot.Timeframe] = snapshot;
        if (snapshot.Timeframe == Timeframe.M1)
        {
            _recent1m.Enqueue(snapshot.Candle);
            while (_recent1m.Count > RecentCandleCapacity)
            {
                _recent1m.Dequeue();
            }
        }

        foreach (var sweep in snapshot.Sweeps)
        {
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
