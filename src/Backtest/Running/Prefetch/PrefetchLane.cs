using System.Runtime.InteropServices;
using TradingBot.Contracts.Market;
using TradingBot.Grains.Market;

namespace TradingBot.Backtest.Running.Prefetch;

/// <summary>
/// One symbol's computation ahead: the inner pipeline (the worker's alone from now on), the run candles it will be fed
/// from <paramref name="first"/> on, and a bounded single-producer single-consumer ring of their results. The worker
/// produces; the SymbolGrain's pipeline on the run thread takes them in order.
/// </summary>
internal sealed class PrefetchLane(IIndicatorPipeline inner, RunCandles candles, int first, int capacity)
{
    private readonly IReadOnlyList<IndicatorSnapshot>?[] _ring = new IReadOnlyList<IndicatorSnapshot>?[RoundUp(capacity)];
    private readonly ManualResetEventSlim _dataReady = new(false);
    private Cursors _cursors;
    private int _stopped;
    private Exception? _failure;

    /// <summary>How often the consumer found no result ready and had to wait for the worker.</summary>
    public long Stalls { get; private set; }

    /// <summary>Stopwatch ticks the consumer spent waiting for the worker.</summary>
    public long StallTicks { get; private set; }

    /// <summary>The worker serving this lane (set when added to it).</summary>
    public PrefetchWorker? Worker { get; set; }

    /// <summary>Results computed and not yet taken.</summary>
    public int Buffered => (int)(Volatile.Read(ref _cursors.Written) - Volatile.Read(ref _cursors.Read));

    public int Capacity => _ring.Length;

    /// <summary>True while the worker has a candle to compute and room for its result.</summary>
    public bool CanProduce
    {
        get
        {
            var written = _cursors.Written;
            if (Volatile.Read(ref _stopped) != 0 || Volatile.Read(ref _failure) is not null || first + written >= candles.End)
            {
                return false;
            }

            // The consumer's position is read only when the ring looks full by the last one read.
            if (written - _cursors.ReadSeen >= _ring.Length)
            {
                _cursors.ReadSeen = Volatile.Read(ref _cursors.Read);
            }

            return written - _cursors.ReadSeen < _ring.Length;
        }
    }

    /// <summary>Worker side: computes up to <paramref name="max"/> candles ahead; returns how many.</summary>
    public int Produce(int max)
    {
        var produced = 0;
        while (produced < max && CanProduce)
        {
            var written = _cursors.Written;
            IReadOnlyList<IndicatorSnapshot> result;
            try
            {
                result = inner.OnMinuteClosed(candles.Candle(first + (int)written));
            }
            catch (Exception ex)
            {
                // What the inline pipeline would have thrown at this candle: the consumer meets it when it gets there.
                Fail(ex);
                return produced;
            }

            _ring[written & (_ring.Length - 1)] = result;
            Volatile.Write(ref _cursors.Written, written + 1);
            // A full fence: the consumer's waiting flag must be read after the new count is visible (else both may sleep).
            Interlocked.MemoryBarrier();
            if (Volatile.Read(ref _cursors.ConsumerWaiting) != 0)
            {
                _dataReady.Set();
            }

            produced++;
        }

        return produced;
    }

    /// <summary>Worker side: no result will come after the ones already published.</summary>
    public void Fail(Exception failure)
    {
        Interlocked.CompareExchange(ref _failure, failure, null);
        _dataReady.Set();
    }

    /// <summary>
    /// Consumer side: the result of the next candle, waiting while the worker is behind. Throws
    /// <see cref="IndicatorPrefetchException"/> when the worker failed at this candle or ended.
    /// </summary>
    public IReadOnlyList<IndicatorSnapshot> Take()
    {
        var read = _cursors.Read;
        // The worker's position is read only when the results known to be there are used up.
        if (read == _cursors.WrittenSeen && (_cursors.WrittenSeen = Volatile.Read(ref _cursors.Written)) == read)
        {
            WaitForResult(read);
        }

        var slot = read & (_ring.Length - 1);
        var result = _ring[slot]!;
        _ring[slot] = null;
        Volatile.Write(ref _cursors.Read, read + 1);
        if (_cursors.WrittenSeen - (read + 1) <= _ring.Length / 2 && Worker is { IsIdle: true } worker)
        {
            // Woken at half empty, not per candle: the worker then fills half the ring in one go. Without a fence a wake
            // can be missed; the ring then runs empty and the waiting path below wakes the worker for sure.
            worker.Wake();
        }

        return result;
    }

    /// <summary>Consumer side: the worker may stop; a waiting consumer gets an error instead of a result.</summary>
    public void Stop()
    {
        Volatile.Write(ref _stopped, 1);
        _dataReady.Set();
    }

    private void WaitForResult(long read)
    {
        Stalls++;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            WaitForWorker(read);
        }
        finally
        {
            StallTicks += System.Diagnostics.Stopwatch.GetTimestamp() - started;
        }
    }

    private void WaitForWorker(long read)
    {
        var spin = default(SpinWait);
        while ((_cursors.WrittenSeen = Volatile.Read(ref _cursors.Written)) == read)
        {
            if (Volatile.Read(ref _failure) is { } failure)
            {
                throw new IndicatorPrefetchException(
                    $"{candles.Symbol}: the indicator pipeline failed on the candle of {candles.Candle(first + (int)read).OpenTime:yyyy-MM-dd HH:mm} UTC (computed ahead): {failure.Message}", failure);
            }

            if (Volatile.Read(ref _stopped) != 0 || Worker is not { IsRunning: true })
            {
                throw new IndicatorPrefetchException($"{candles.Symbol}: the indicator worker stopped before the candle of {candles.Candle(first + (int)read).OpenTime:yyyy-MM-dd HH:mm} UTC was computed.");
            }

            if (!spin.NextSpinWillYield)
            {
                spin.SpinOnce(sleep1Threshold: -1);
                continue;
            }

            _dataReady.Reset();
            Interlocked.Exchange(ref _cursors.ConsumerWaiting, 1);
            if (Volatile.Read(ref _cursors.Written) == read && Volatile.Read(ref _failure) is null && Volatile.Read(ref _stopped) == 0)
            {
                Worker.Wake();
                // Bounded, so a worker that ended without a word is noticed above instead of waited for forever.
                _dataReady.Wait(TimeSpan.FromMilliseconds(200));
            }

            Interlocked.Exchange(ref _cursors.ConsumerWaiting, 0);
        }
    }

    private static int RoundUp(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        return (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)capacity);
    }

    /// <summary>
    /// The two positions, each on cache lines of its own with what only its writer uses (the other side's position as
    /// last read), so a result handed over moves no line between the cores in the common case.
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 4 * Line)]
    private struct Cursors
    {
        private const int Line = 128;

        /// <summary>Results published (the worker's).</summary>
        [FieldOffset(Line)]
        public long Written;

        /// <summary>The consumer's position as the worker last read it.</summary>
        [FieldOffset(Line + 8)]
        public long ReadSeen;

        /// <summary>Results taken (the consumer's).</summary>
        [FieldOffset(2 * Line)]
        public long Read;

        /// <summary>The worker's position as the consumer last read it.</summary>
        [FieldOffset((2 * Line) + 8)]
        public long WrittenSeen;

        /// <summary>1 while the consumer sleeps waiting for a result.</summary>
        [FieldOffset(3 * Line)]
        public int ConsumerWaiting;
    }
}
