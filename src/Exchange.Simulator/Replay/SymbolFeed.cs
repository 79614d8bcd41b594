using TradingBot.Exchange.Simulator.Market;

namespace TradingBot.Exchange.Simulator.Replay;

/// <summary>
/// Replay state of one symbol: all base candles (past and future), the index of the bar in progress and how far along
/// its intrabar path the replay is. Candles before <see cref="Current"/> are closed history; later ones are the future.
/// </summary>
internal sealed class SymbolFeed
{
    public SymbolFeed(string symbol, TimeSpan baseInterval, List<Candle> candles, long startMs, IEnumerable<string> streamIntervals)
    {
        Symbol = symbol;
        var lower = symbol.ToLowerInvariant();
        MarkStream = lower + "@markprice";
        MarkStreamFast = lower + "@markprice@1s";
        KlineStreams = streamIntervals
            .Select(name => KlineInterval.TryParse(name, out var length) ? (Name: name, Length: length, Stream: lower + "@kline_" + name) : default)
            .Where(k => k.Name is not null && (long)k.Length.TotalMilliseconds % (long)baseInterval.TotalMilliseconds == 0)
            .ToArray();
        BaseInterval = baseInterval;
        Current = candles.FindIndex(c => c.OpenTime >= startMs);
        Candles = new CandleStore(candles);
        if (Current < 0)
        {
            Current = candles.Count;
        }
    }

    public string Symbol { get; }

    /// <summary>Stream names, precomputed because the replay checks them at every path point.</summary>
    public string MarkStream { get; }

    public string MarkStreamFast { get; }

    public (string Name, TimeSpan Length, string Stream)[] KlineStreams { get; }
    public TimeSpan BaseInterval { get; }
    public long BaseMs => (long)BaseInterval.TotalMilliseconds;
    public CandleStore Candles { get; }

    /// <summary>Index of the bar in progress (== Candles.Count when the data is exhausted).</summary>
    public int Current { get; set; }

    /// <summary>Next vertex (0..3) of the current bar's path.</summary>
    public int NextVertex { get; set; }

    /// <summary>The current bar as far as replayed (null before its open vertex).</summary>
    public Candle? Partial { get; set; }

    /// <summary>Time of the last processed path point (ms).</summary>
    public long LastPointMs { get; set; } = long.MinValue;

    /// <summary>Last replayed price.</summary>
    public decimal LastPrice { get; set; }

    public bool Exhausted => Current >= Candles.Count;

    public IReadOnlyList<PathPoint>? CurrentVertices { get; set; }

    /// <summary>Closed base bars plus the partial bar, never anything after "now".</summary>
    public IEnumerable<Candle> History()
    {
        for (var i = 0; i < Math.Min(Current, Candles.Count); i++)
        {
            yield return Candles[i];
        }

        if (Partial is not null)
        {
            yield return Partial;
        }
    }
}
