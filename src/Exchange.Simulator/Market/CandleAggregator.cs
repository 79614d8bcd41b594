namespace TradingBot.Exchange.Simulator.Market;

/// <summary>Builds higher-interval bars from base bars the way Binance does (aligned windows, first open, max/min, last close, summed volume).</summary>
public static class CandleAggregator
{
    /// <summary>Aggregates consecutive base candles (sorted) into <paramref name="target"/> bars; partial windows are kept.</summary>
    public static List<Candle> Aggregate(IEnumerable<Candle> candles, TimeSpan target)
    {
        var result = new List<Candle>();
        Candle? current = null;
        foreach (var c in candles)
        {
            var window = KlineInterval.AlignDown(c.OpenTime, target);
            if (current is not null && current.OpenTime == window)
            {
                current = Merge(current, c);
            }
            else
            {
                if (current is not null)
                {
                    result.Add(current);
                }

                current = c with { OpenTime = window };
            }
        }

        if (current is not null)
        {
            result.Add(current);
        }

        return result;
    }

    /// <summary>Extends an aggregate with a later bar (or a later state of the same bar's data).</summary>
    public static Candle Merge(Candle aggregate, Candle next) => aggregate with
    {
        High = Math.Max(aggregate.High, next.High),
        Low = Math.Min(aggregate.Low, next.Low),
        Close = next.Close,
        Volume = aggregate.Volume + next.Volume,
    };
}
