using System.Runtime.CompilerServices;
using TradingBot.Backtest.Data;
using TradingBot.Contracts.Market;

namespace TradingBot.Backtest.Running.Prefetch;

/// <summary>The 1m candles a symbol's grain is fed during the run, built exactly as <see cref="BacktestRunner"/> builds them.</summary>
internal sealed class RunCandles(string symbol, Bar[] bars, int start, int end)
{
    public string Symbol { get; } = symbol;

    /// <summary>Index of the first run bar.</summary>
    public int Start { get; } = start;

    /// <summary>Index after the last run bar.</summary>
    public int End { get; } = end;

    public static RunCandles Of(MarketDataSet data, string symbol)
    {
        var series = data[symbol].Minutes;
        return new RunCandles(symbol, series.Bars, series.LowerBound(data.StartMs), series.LowerBound(data.EndMs));
    }

    public Candle Candle(int index)
    {
        var b = bars[index];
        return new Candle(Symbol, Timeframe.M1, DateTimeOffset.FromUnixTimeMilliseconds(b.OpenMs), b.Open, b.High, b.Low, b.Close, b.Volume);
    }

    /// <summary>Index of the run bar <paramref name="candle"/> is, or −1 when it is none.</summary>
    public int IndexOf(Candle candle)
    {
        int lo = Start, hi = End;
        var openMs = candle.OpenTime.ToUnixTimeMilliseconds();
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (bars[mid].OpenMs < openMs)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo < End && Is(candle, lo) ? lo : -1;
    }

    /// <summary>
    /// True when <paramref name="candle"/> is bit for bit the candle of run bar <paramref name="index"/> (the 1m snapshot
    /// carries the candle it was computed from, so equal values with another decimal scale or offset would not do).
    /// </summary>
    public bool Is(Candle candle, int index)
    {
        if (index < Start || index >= End)
        {
            return false;
        }

        var b = bars[index];
        var open = candle.OpenTime;
        return open.Offset == TimeSpan.Zero && open.UtcTicks == DateTimeOffset.UnixEpoch.UtcTicks + (b.OpenMs * TimeSpan.TicksPerMillisecond)
            && candle.Timeframe == Timeframe.M1 && string.Equals(candle.Symbol, Symbol, StringComparison.Ordinal)
            && SameBits(candle.Open, b.Open) && SameBits(candle.High, b.High) && SameBits(candle.Low, b.Low)
            && SameBits(candle.Close, b.Close) && SameBits(candle.Volume, b.Volume);
    }

    private static bool SameBits(decimal a, decimal b) => Unsafe.As<decimal, Int128>(ref a) == Unsafe.As<decimal, Int128>(ref b);
}
