using System.Diagnostics;
using System.Numerics;

namespace TradingBot.Runtime.Metrics;

/// <summary>
/// 100 one-second buckets (like the Orleans dashboard's TraceHistory) of count, errors, total latency and a
/// log-linear latency histogram (4 sub-buckets per power of two, so p99 is within ~19%).
/// </summary>
/// <remarks>
/// Counts and errors are exact. Latency is timed for every call while a method sees fewer than
/// <see cref="TimeEveryCallBelow"/> calls in the current second, and for one call in <see cref="SampleEvery"/>
/// above that: two clock reads per call were a measurable part of a backtest's millions of calls, and a sample of
/// thousands per second gives the same average and p99. Seconds come from <see cref="Environment.TickCount64"/>
/// (a coarse clock, cheaper than a timestamp).
/// </remarks>
internal sealed class LatencyWindow
{
    public const int Slots = 100;

    /// <summary>Below this many calls in the current second every call is timed.</summary>
    public const int TimeEveryCallBelow = 64;

    /// <summary>Above <see cref="TimeEveryCallBelow"/>, one call in this many is timed (a power of two).</summary>
    public const int SampleEvery = 16;

    private const int Bins = 44 * 4;

    private readonly Slot[] _slots = new Slot[Slots];
    private readonly Lock _lock = new();
    private readonly Func<long>? _milliseconds;
    private long _totalCount;
    private long _totalErrors;

    public LatencyWindow()
        : this(null)
    {
    }

    /// <summary>A window on another millisecond clock than <see cref="Environment.TickCount64"/> (tests).</summary>
    internal LatencyWindow(Func<long>? milliseconds)
    {
        _milliseconds = milliseconds;
        for (var i = 0; i < Slots; i++)
        {
            _slots[i] = new Slot();
        }
    }

    public long TotalCount => Volatile.Read(ref _totalCount);

    public long TotalErrors => Volatile.Read(ref _totalErrors);

    private long CurrentSecond() => (_milliseconds is null ? Environment.TickCount64 : _milliseconds()) / 1000;

    /// <summary>Whether the call about to start should be timed (see the class remarks).</summary>
    public bool ShouldTime()
    {
        var second = CurrentSecond();
        var slot = _slots[second % Slots];
        if (Volatile.Read(ref slot.Second) != second)
        {
            return true;
        }

        var count = Volatile.Read(ref slot.Count);
        return count < TimeEveryCallBelow || (count & (SampleEvery - 1)) == 0;
    }

    /// <summary>Counts one call; <paramref name="elapsedTicks"/> (Stopwatch ticks) is negative for an untimed call.</summary>
    public void Record(long elapsedTicks, bool failed)
    {
        var second = CurrentSecond();
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
        if (failed)
        {
            Interlocked.Increment(ref slot.Errors);
            Interlocked.Increment(ref _totalErrors);
        }

        Interlocked.Increment(ref _totalCount);
        if (elapsedTicks < 0)
        {
            return;
        }

        Interlocked.Increment(ref slot.Timed);
        Interlocked.Add(ref slot.ElapsedTicks, elapsedTicks);
        var histogram = slot.Histogram ?? Interlocked.CompareExchange(ref slot.Histogram, new int[Bins], null) ?? slot.Histogram!;
        Interlocked.Increment(ref histogram[Bin(elapsedTicks)]);
    }

    public WindowSummary Summarize(double windowSeconds)
    {
        var now = CurrentSecond();
        long count = 0, errors = 0, elapsed = 0, timed = 0;
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
            timed += Volatile.Read(ref slot.Timed);
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
        var averageMs = timed == 0 ? 0 : elapsed * 1000.0 / Stopwatch.Frequency / timed;
        return new WindowSummary(count, errors, count / seconds, errors / seconds, averageMs, Percentile(merged, timed, 0.99), history);
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
        public long Timed;
        public long Errors;
        public long ElapsedTicks;
        public int[]? Histogram;
#pragma warning restore SA1401, IDE1006

        public void Reset(long second)
        {
            Count = 0;
            Timed = 0;
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
