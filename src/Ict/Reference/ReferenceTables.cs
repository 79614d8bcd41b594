using TradingBot.Ict.Candles;
using TradingBot.Ict.Events;
using TradingBot.Ict.Fvg;
using TradingBot.Ict.Liquidity;
using TradingBot.Ict.OrderBlocks;
using TradingBot.Ict.Periods;
using TradingBot.Ict.Sessions;
using TradingBot.Ict.Swings;

namespace TradingBot.Ict.Reference;

/// <summary>
/// Reference mode: drives the same incremental detectors with the smartmoneyconcepts quirks switched on and
/// the look-ahead inputs the library uses (final swings with bookends, whole-file pip_range) injected, and
/// records the library's result tables. Deterministic; not for live use (it needs the whole file).
/// </summary>
public static class ReferenceTables
{
    private const int RingCapacity = 1024;

    /// <summary>The six reference exports (fvg, fvg_consecutive, swings, bos_choch, ob, liquidity) with all quirks on.</summary>
    public static IReadOnlyList<IctTable> BuildAll(IReadOnlyList<Candle> bars, int swingLength)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var swingTable = Swings(bars, swingLength);
        var times = new long[bars.Count];
        for (var i = 0; i < times.Length; i++)
        {
            times[i] = bars[i].OpenTimeMs;
        }

        var swings = SwingSeries.FromTable(swingTable, times);
        IctTable fvg = null!, joined = null!, structure = null!, blocks = null!, liquidity = null!;
        // Independent tables: build them in parallel (the detectors themselves are single-threaded).
        Parallel.Invoke(
            () => fvg = Fvg(bars, join: false),
            () => joined = Fvg(bars, join: true),
            () => structure = BosChoch(bars, swings),
            () => blocks = OrderBlocks(bars, swings),
            () => liquidity = Liquidity(bars, swings));
        return [fvg, joined, swingTable, structure, blocks, liquidity];
    }

    /// <summary>Swing highs/lows (§3.1). <paramref name="quirks"/> adds the 2L−1 warm-up and the row 0 / n−1 bookends.</summary>
    public static IctTable Swings(IReadOnlyList<Candle> bars, int length, ReferenceQuirks? quirks = null)
    {
        quirks ??= ReferenceQuirks.All;
        ArgumentNullException.ThrowIfNull(bars);
        var ring = new CandleRing(Math.Max(RingCapacity, (4 * length) + 4));
        var events = new EventBuffer();
        var detector = new SwingDetector(new SwingOptions(length, WarmupQuirk: quirks.SwingWarmup), 0);
        var recorder = new EventTableRecorder(bars.Count);
        for (var t = 0; t < bars.Count; t++)
        {
            ring.Add(bars[t]);
            events.Clear();
            detector.OnBar(ring, events);
            recorder.Apply(events.Span);
        }

        var table = recorder.Swings;
        if (quirks.SwingBookends)
        {
            AddBookends(table, bars);
        }

        return table;
    }

    /// <summary>Fair value gaps (§3.2) with first-touch MitigatedIndex (0 = never).</summary>
    public static IctTable Fvg(IReadOnlyList<Candle> bars, bool join)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var ring = new CandleRing(RingCapacity);
        var events = new EventBuffer();
        var detector = new FvgDetector(new FvgOptions(JoinConsecutive: join, RetireOnFirstTouch: true, MaxActive: int.MaxValue), 0);
        var recorder = new EventTableRecorder(bars.Count);
        for (var t = 0; t < bars.Count; t++)
        {
            ring.Add(bars[t]);
            events.Clear();
            detector.OnBar(ring, null, events);
            recorder.Apply(events.Span, join);
        }

        return join ? recorder.FvgJoined : recorder.Fvg;
    }

    /// <summary>BOS/CHoCH exactly as smc.bos_choch (§3.3a): 4-swing geometry on B's row, breaks, supersede, cleanup.</summary>
    public static IctTable BosChoch(IReadOnlyList<Candle> bars, SwingSeries swings, bool closeBreak = true, ReferenceQuirks? quirks = null) =>
        ReferenceStructure.Build(bars, swings, closeBreak, (quirks ?? ReferenceQuirks.All).Float32Levels);

    /// <summary>Order blocks (§3.4) with the final swings as oracle: state at the end of the file.</summary>
    public static IctTable OrderBlocks(IReadOnlyList<Candle> bars, SwingSeries swings, bool closeMitigation = false, ReferenceQuirks? quirks = null)
    {
        quirks ??= ReferenceQuirks.All;
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(swings);
        var ring = new CandleRing(RingCapacity);
        var events = new EventBuffer();
        var options = new OrderBlockOptions(closeMitigation, FixBullishMitigatedIndex: !quirks.BullishObOffByOne, Float32Levels: quirks.Float32Levels, MaxActive: int.MaxValue);
        var detector = new OrderBlockDetector(options, 0);
        var recorder = new EventTableRecorder(bars.Count);
        var oracle = new SwingOracle(swings);
        for (var t = 0; t < bars.Count; t++)
        {
            ring.Add(bars[t]);
            events.Clear();
            oracle.AdvanceBefore(t);
            detector.OnBar(ring, oracle.LatestHigh, oracle.LatestLow, events);
            recorder.Apply(events.Span);
        }

        recorder.Finish(bars, quirks.SharedObRowState);
        return recorder.OrderBlocks;
    }

    /// <summary>Liquidity pools (§3.6) with final swings and pip_range = whole-file range × <paramref name="rangePercent"/>.</summary>
    public static IctTable Liquidity(IReadOnlyList<Candle> bars, SwingSeries swings, double rangePercent = 0.01)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(swings);
        var pipRange = WholeFileRange(bars) * rangePercent;
        var detector = new LiquidityPoolDetector(new LiquidityOptions(LiquidityRule.Reference, pipRange, MaxActive: int.MaxValue), 0);
        var events = new EventBuffer();
        var recorder = new EventTableRecorder(bars.Count);
        var next = 0;
        for (var t = 0; t < bars.Count; t++)
        {
            events.Clear();
            var bar = bars[t];
            detector.OnBar(in bar, t, events);
            while (next < swings.Points.Count && swings.Points[next].Index == t)
            {
                detector.AddSwing(swings.Points[next], t, null, events);
                next++;
            }

            recorder.Apply(events.Span);
        }

        return recorder.Liquidity;
    }

    /// <summary>The reference's global look-ahead: max high − min low over the whole input.</summary>
    public static double WholeFileRange(IReadOnlyList<Candle> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var high = double.NegativeInfinity;
        var low = double.PositiveInfinity;
        foreach (var bar in bars)
        {
            high = Math.Max(high, bar.High);
            low = Math.Min(low, bar.Low);
        }

        return high - low;
    }

    /// <summary>previous_high_low in reference calendar mode (§3.7).</summary>
    public static IctTable PreviousHighLow(IReadOnlyList<Candle> bars, PeriodKind kind, long periodMs, string fileName, ReferenceQuirks? quirks = null)
    {
        quirks ??= ReferenceQuirks.All;
        ArgumentNullException.ThrowIfNull(bars);
        var tracker = new PreviousPeriodTracker(new PreviousPeriodOptions(kind, periodMs, ReferenceCalendar: true, Float32Levels: quirks.Float32Levels), 0);
        var table = IctTableLayouts.PreviousHighLow(fileName, bars.Count);
        var events = new EventBuffer();
        for (var t = 0; t < bars.Count; t++)
        {
            events.Clear();
            var bar = bars[t];
            tracker.OnBar(in bar, t, events);
            if (!double.IsNaN(tracker.PreviousHigh) || tracker.BrokenHigh || tracker.BrokenLow)
            {
                table.SetRow(t, tracker.PreviousHigh, tracker.PreviousLow, tracker.BrokenHigh ? 1 : 0, tracker.BrokenLow ? 1 : 0);
            }
        }

        return table;
    }

    /// <summary>sessions() for a fixed clock window, inclusive, in the timestamps' own clock (§3.9).</summary>
    public static IctTable Sessions(IReadOnlyList<Candle> bars, int startMinute, int endMinute)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var tracker = new SessionTracker(startMinute, endMinute, float32Levels: true);
        var table = IctTableLayouts.Sessions(bars.Count);
        for (var t = 0; t < bars.Count; t++)
        {
            var bar = bars[t];
            tracker.OnBar(in bar);
            if (tracker.Active)
            {
                table.SetRow(t, 1, tracker.High, tracker.Low);
            }
        }

        return table;
    }

    /// <summary>
    /// retracements() (§3.8): the tracker on the final swings, then the reference's one-row shift and the zeroing
    /// of every row up to the third direction change (and the row after it).
    /// </summary>
    public static IctTable Retracements(IReadOnlyList<Candle> bars, SwingSeries swings)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(swings);
        var n = bars.Count;
        var direction = new int[n];
        var current = new double[n];
        var deepest = new double[n];
        var tracker = new Retracements.RetracementTracker();
        var next = 0;
        for (var t = 0; t < n; t++)
        {
            var swingDirection = 0;
            var level = 0.0;
            if (next < swings.Points.Count && swings.Points[next].Index == t)
            {
                swingDirection = swings.Points[next].Direction;
                level = swings.Points[next].Level;
                next++;
            }

            var bar = bars[t];
            tracker.OnBar(in bar, swingDirection, level);
            direction[t] = tracker.Direction;
            current[t] = tracker.Current;
            deepest[t] = tracker.Deepest;
        }

        // np.roll(…, 1): row i shows bar i−1 (row 0 wraps around and is zeroed below).
        RollByOne(direction);
        RollByOne(current);
        RollByOne(deepest);
        var changes = 0;
        for (var i = 0; i + 1 < n; i++)
        {
            if (direction[i] != direction[i + 1])
            {
                changes++;
            }

            direction[i] = 0;
            current[i] = 0;
            deepest[i] = 0;
            if (changes == 3)
            {
                direction[i + 1] = 0;
                current[i + 1] = 0;
                deepest[i + 1] = 0;
                break;
            }
        }

        var table = new IctTable("retracements_result_data.csv", n, ("Direction", ColumnFormat.Integer), ("CurrentRetracement%", ColumnFormat.Double), ("DeepestRetracement%", ColumnFormat.Double))
        {
            DefaultRow = [0, 0, 0],
        };
        for (var i = 0; i < n; i++)
        {
            if (direction[i] != 0 || current[i] != 0 || deepest[i] != 0)
            {
                table.SetRow(i, direction[i], current[i], deepest[i]);
            }
        }

        return table;
    }

    private static void RollByOne<T>(T[] values)
    {
        if (values.Length < 2)
        {
            return;
        }

        var last = values[^1];
        Array.Copy(values, 0, values, 1, values.Length - 1);
        values[0] = last;
    }

    private static void AddBookends(IctTable table, IReadOnlyList<Candle> bars)
    {
        var rows = table.SortedRows();
        if (rows.Length == 0)
        {
            return;
        }

        var first = table.Get(rows[0], 0);
        var last = table.Get(rows[^1], 0);
        var n = bars.Count - 1;
        table.SetRow(0, -first, -first > 0 ? bars[0].High : bars[0].Low);
        table.SetRow(n, -last, -last > 0 ? bars[n].High : bars[n].Low);
    }

    /// <summary>Answers "latest final swing high/low with index &lt; t" (test/parity only: it sees the future).</summary>
    private sealed class SwingOracle(SwingSeries swings)
    {
        private int _next;

        public SwingPoint LatestHigh { get; private set; } = SwingPoint.None;

        public SwingPoint LatestLow { get; private set; } = SwingPoint.None;

        public void AdvanceBefore(long t)
        {
            while (_next < swings.Points.Count && swings.Points[_next].Index < t)
            {
                var point = swings.Points[_next++];
                if (point.Direction > 0)
                {
                    LatestHigh = point;
                }
                else
                {
                    LatestLow = point;
                }
            }
        }
    }
}
