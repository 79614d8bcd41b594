using System.Diagnostics;
using System.Numerics;

namespace TradingBot.Runtime.Metrics;

/// <summary>
/// 100 one-second buckets (like the Orleans dashboard's TraceHistory) of count, errors, total latency and a
/// log-linear latency histogram (4 sub-buckets per power of two, so p99 is within ~19%).
/// </summary>
internal sealed class LatencyWindow
{
    public const int Slots = 100;
    private const int Bins = 44 * 4;

    private readonly Slot[] _slots = new Slot[Slots];
    private readonly Lock _lock = new();
    private long _totalCount;
    private long _totalErrors;

    public LatencyWindow()
    {
        for (var i = 0; i < Slots; i++)
        {
            _slots[i] = new Slot();
        }
    }

    public long TotalCount => Volatile.Read(ref _totalCount);

    public long TotalErrors => Volatile.Read(ref _totalErrors);

    public static long CurrentSecond(long timestamp) => timestamp / Stopwatch.Frequency;

    public void Record(long elapsedTicks, bool failed, long nowTimestamp)
    {
        var second = CurrentSecond(nowTimestamp);
        var slot = _slots[second % Slots];
        if (Volatile.Read(ref slot.Second) != second)
        {
            lock (_lock)
            {
                if (slot.Second != second)
                {
                    slot.Reset(second);
                }
            }
        }

        Interlocked.Increment(ref slot.Count);
        Interlocked.Add(ref slot.ElapsedTicks, elapsedTicks);
        if (failed)
        {
            Interlocked.Increment(ref slot.Errors);
            Interlocked.Increment(ref _totalErrors);
        }

        Interlocked.Increment(ref _totalCount);
        var histogram = slot.Histogram ?? Interlocked.CompareExchange(ref slot.Histogram, new int[Bins], null) ?? slot.Histogram!;
        Interlocked.Increment(ref histogram[Bin(elapsedTicks)]);
    }

    public WindowSummary Summarize(long nowTimestamp, double windowSeconds)
    {
        var now = CurrentSecond(nowTimestamp);
        long count = 0, errors = 0, elapsed = 0;
        var merged = new long[Bins];
        var history = new long[Slots];
        for (var i = 0; i < Slots; i++)
        {
            var second = now - (Slots - 1) + i;
            var slot = _slots[((second % Slots) + Slots) % Slots];
            if (Volatile.Read(ref slot.Second) != second)
            {
                continue;
            }

            var c = Volatile.Read(ref slot.Count);
            history[i] = c;
            count += c;
            errors += Volatile.Read(ref slot.Errors);
            elapsed += Volatile.Read(ref slot.ElapsedTicks);
            if (slot.Histogram is { } h)
            {
                for (var b = 0; b < Bins; b++)
                {
                    merged[b] += h[b];
                }
            }
        }

        var seconds = Math.Max(1, windowSeconds);
        var averageMs = count == 0 ? 0 : elapsed * 1000.0 / Stopwatch.Frequency / count;
        return new WindowSummary(count, errors, count / seconds, errors / seconds, averageMs, Percentile(merged, count, 0.99), history);
    }

    private static int Bin(long ticks)
    {
        var ns = (ulong)Math.Max(1, ticks * 1_000_000_000.0 / Stopwatch.Frequency);
        var exponent = 63 - BitOperations.LeadingZeroCount(ns);
        var sub = exponent >= 2 ? (int)((ns >> (exponent - 2)) & 3) : 0;
        return Math.Min(Bins - 1, (exponent * 4) + sub);
    }

    private static double Percentile(long[] histogram, long count, double quantile)
    {
        if (count == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(count * quantile);
        long seen = 0;
        for (var b = 0; b < histogram.Length; b++)
        {
            seen += histogram[b];
            if (seen >= rank)
            {
                var exponent = b / 4;
                var sub = b % 4;
                var upperNs = exponent >= 2 ? (double)(4 + sub + 1) * (1L << (exponent - 2)) : 1L << (exponent + 1);
                return upperNs / 1_000_000.0;
            }
        }

        return 0;
    }

    private sealed class Slot
    {
#pragma warning disable SA1401, IDE1006 // Interlocked needs fields.
        public long Second = -1;
        public long Count;
        public long Errors;
        public long ElapsedTicks;
        public int[]? Histogram;
#pragma warning restore SA1401, IDE1006

        public void Reset(long second)
        {
            Count = 0;
            Errors = 0;
            ElapsedTicks = 0;
            if (Histogram is not null)
            {
                Array.Clear(Histogram);
            }

            Volatile.Write(ref Second, second);
        }
    }
}

/// <summary>Aggregates of one window.</summary>
internal readonly record struct WindowSummary(long Count, long Errors, double PerSecond, double ErrorsPerSecond, double AverageMs, double P99Ms, long[] History);
