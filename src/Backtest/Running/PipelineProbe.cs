using System.Diagnostics;
using TradingBot.Backtest.Data;
using TradingBot.Backtest.Running.Prefetch;
using TradingBot.Contracts.Market;

namespace TradingBot.Backtest.Running;

/// <summary>Benchmark component: the SymbolGrain's indicator pipeline alone (no runtime, no strategies) over the same bars.</summary>
public static class PipelineProbe
{
    /// <summary>
    /// Feeds every 1m bar of the run to a fresh pipeline per symbol (computed ahead on worker threads unless
    /// <paramref name="prefetch"/> is off, then the time is what the calling thread waits for); returns elapsed time and
    /// bytes allocated on the calling thread.
    /// </summary>
    public static (TimeSpan Elapsed, long Allocated, long Snapshots) Run(MarketDataSet data, IndicatorPrefetch prefetch = IndicatorPrefetch.Off)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var factory = Factory(data, prefetch);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        long snapshots = 0;
        foreach (var symbol in data.Symbols)
        {
            var pipeline = factory.Create(symbol);
            var series = data[symbol].Minutes;
            for (var i = series.LowerBound(data.StartMs); i < series.LowerBound(data.EndMs); i++)
            {
                var b = series.Bars[i];
                snapshots += pipeline.OnMinuteClosed(new Candle(symbol, Timeframe.M1, DateTimeOffset.FromUnixTimeMilliseconds(b.OpenMs), b.Open, b.High, b.Low, b.Close, b.Volume)).Count;
            }
        }

        return (watch.Elapsed, GC.GetAllocatedBytesForCurrentThread() - allocated, snapshots);
    }

    /// <summary>
    /// SHA-256 over the JSON of every snapshot the pipeline produces for the run's bars (all values: candles, zones with
    /// their ids and times, pools, breaks, sweeps, decimals with their scale), so two builds can be shown to produce the
    /// very same indicator stream, not only the same trades.
    /// </summary>
    public static string SnapshotFingerprint(MarketDataSet data, IndicatorPrefetch prefetch = IndicatorPrefetch.Off)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var factory = Factory(data, prefetch);
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var symbol in data.Symbols)
        {
            var pipeline = factory.Create(symbol);
            var series = data[symbol].Minutes;
            for (var i = series.LowerBound(data.StartMs); i < series.LowerBound(data.EndMs); i++)
            {
                var b = series.Bars[i];
                var snapshots = pipeline.OnMinuteClosed(new Candle(symbol, Timeframe.M1, DateTimeOffset.FromUnixTimeMilliseconds(b.OpenMs), b.Open, b.High, b.Low, b.Close, b.Volume));
                for (var k = 0; k < snapshots.Count; k++)
                {
                    hash.AppendData(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(snapshots[k]));
                }
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The live factory, or the prefetching one (disposable either way, so both are used alike).</summary>
    private static ProbeFactory Factory(MarketDataSet data, IndicatorPrefetch prefetch) =>
        new(prefetch == IndicatorPrefetch.Off ? null : new PrefetchingPipelineFactory(data, prefetch));

    /// <summary>The ICT engines alone (no contract mapping), optionally reading each closed timeframe's snapshot.</summary>
    public static (TimeSpan Elapsed, long Allocated) RunEngines(MarketDataSet data, bool readSnapshots)
    {
        ArgumentNullException.ThrowIfNull(data);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        long sink = 0;
        foreach (var symbol in data.Symbols)
        {
            var ict = Ict.Engine.MultiTimeframeIct.Standard(symbol);
            var series = data[symbol].Minutes;
            for (var i = series.LowerBound(data.StartMs); i < series.LowerBound(data.EndMs); i++)
            {
                var b = series.Bars[i];
                var update = ict.OnMinuteClosed(new Ict.Candles.Candle(b.OpenMs, (double)b.Open, (double)b.High, (double)b.Low, (double)b.Close, (double)b.Volume));
                if (readSnapshots)
                {
                    for (var e = 0; e < ict.Engines.Count; e++)
                    {
                        if ((update.ClosedMask & (1 << e)) != 0)
                        {
                            sink += ict.Engines[e].Snapshot.Fvgs.Length;
                        }
                    }
                }
            }
        }

        GC.KeepAlive(sink);
        return (watch.Elapsed, GC.GetAllocatedBytesForCurrentThread() - allocated);
    }
}
