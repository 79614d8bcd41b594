namespace TradingBot.Backtest.Data;

/// <summary>Bars of one symbol and interval, oldest first, open times strictly increasing.</summary>
/// <param name="Symbol">Upper-case symbol.</param>
/// <param name="IntervalMinutes">Bar length in minutes (1, 15, 60...).</param>
/// <param name="Bars">The bars.</param>
/// <param name="Source">File(s) the bars came from, or "aggregated from 1m".</param>
public sealed record BarSeries(string Symbol, int IntervalMinutes, Bar[] Bars, string Source)
{
    public long IntervalMs => IntervalMinutes * 60_000L;

    /// <summary>Index of the first bar opening at or after <paramref name="openMs"/> (Bars.Length if none).</summary>
    public int LowerBound(long openMs)
    {
        int lo = 0, hi = Bars.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Bars[mid].OpenMs < openMs)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
