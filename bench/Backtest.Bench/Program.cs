using System.Diagnostics;
using System.Globalization;
using TradingBot.Backtest.Running;
using TradingBot.Backtest.Running.Prefetch;

// Throughput benchmark of the full grain pipeline: one year of BTCUSDT + ETHUSDT 1m, strategies A+B+C.
// Usage: dotnet run -c Release --project bench/Backtest.Bench -- [data-dir] [--from 2023-01-01] [--to 2024-01-01] [--strategies A,B,C]
//        [--prefetch shared|per-symbol|off] [--components [--snapshot-hash] [--components-only]] [--alloc]
var argsList = args.ToList();
string Option(string name, string fallback)
{
    var i = argsList.IndexOf(name);
    return i >= 0 && i + 1 < argsList.Count ? argsList[i + 1] : fallback;
}

var dataDir = argsList.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && (argsList.IndexOf(a) == 0 || !argsList[argsList.IndexOf(a) - 1].StartsWith("--", StringComparison.Ordinal)))
    ?? Path.Combine(FindRepoRoot(), "..", "shared", "data");
var from = DateTimeOffset.Parse(Option("--from", "2023-01-01"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
var to = DateTimeOffset.Parse(Option("--to", "2024-01-01"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
var strategies = Option("--strategies", "A,B,C").Split(',');
var prefetch = Option("--prefetch", "shared") switch
{
    "off" => IndicatorPrefetch.Off,
    "shared" => IndicatorPrefetch.Shared,
    "per-symbol" => IndicatorPrefetch.PerSymbol,
    var other => throw new ArgumentException($"--prefetch {other}: choose shared, per-symbol or off."),
};
var files = new[] { "BTCUSDT-1m-spot-20220101-20240625.csv.gz", "ETHUSDT-1m-spot-20220101-20240625.csv.gz" }.Select(f => Path.Combine(dataDir, f)).ToArray();

var total = Stopwatch.StartNew();
var request = new BacktestRequest
{
    DataPaths = files,
    From = from,
    To = to,
    Strategies = strategies,
    IndicatorPrefetch = prefetch,
    IndicatorPrefetchCapacity = int.Parse(Option("--prefetch-capacity", PrefetchingPipelineFactory.DefaultCapacity.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
};
var load = Stopwatch.StartNew();
var data = TradingBot.Backtest.Data.MarketDataSet.Load(request.DataPaths, null, from, to, request.WarmupBars);
load.Stop();
if (argsList.Contains("--components"))
{
    for (var pass = 1; pass <= 2; pass++)
    {
        var before = ThreadCpu();
        var (elapsed, allocated, snapshots) = PipelineProbe.Run(data);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pipeline only (pass {pass}): {elapsed.TotalSeconds:0.000} s wall, {ThreadCpu() - before:0.00} s thread CPU, {allocated / 1048576.0:0} MB, {snapshots} snapshots"));
    }

    if (prefetch != IndicatorPrefetch.Off)
    {
        var before = ThreadCpu();
        var (elapsed, allocated, snapshots) = PipelineProbe.Run(data, prefetch);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pipeline computed ahead ({prefetch}), calling thread: {elapsed.TotalSeconds:0.000} s wall, {ThreadCpu() - before:0.00} s thread CPU, {allocated / 1048576.0:0} MB, {snapshots} snapshots"));
    }

    if (argsList.Contains("--probe-parallel"))
    {
        // Two independent pipelines at once, one per thread: how much running beside another busy thread slows one.
        var probeCpu = new double[2];
        var threads = Enumerable.Range(0, 2).Select(k => new Thread(() =>
        {
            var before = ThreadCpu();
            PipelineProbe.Run(data);
            probeCpu[k] = ThreadCpu() - before;
        })).ToArray();
        foreach (var t in threads)
        {
            t.Start();
        }

        foreach (var t in threads)
        {
            t.Join();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pipeline only, two at once: {probeCpu[0]:0.00} s and {probeCpu[1]:0.00} s thread CPU"));
    }

    foreach (var readSnapshots in new[] { false, true })
    {
        var before = ThreadCpu();
        var (engines, engineBytes) = PipelineProbe.RunEngines(data, readSnapshots);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ICT engines{(readSnapshots ? " + snapshots" : " only")}: {engines.TotalSeconds:0.000} s wall, {ThreadCpu() - before:0.00} s thread CPU, {engineBytes / 1048576.0:0} MB"));
    }

    if (argsList.Contains("--snapshot-hash"))
    {
        Console.WriteLine($"indicator snapshots fingerprint {PipelineProbe.SnapshotFingerprint(data)}");
        if (prefetch != IndicatorPrefetch.Off)
        {
            Console.WriteLine($"indicator snapshots fingerprint computed ahead ({prefetch}) {PipelineProbe.SnapshotFingerprint(data, prefetch)}");
        }
    }

    if (argsList.Contains("--components-only"))
    {
        return;
    }
}

using var sampler = argsList.Contains("--alloc") ? new AllocationSampler() : null;
sampler?.Start();
var profile = new RunnerProfile();
var threadCpuBefore = ThreadCpu();
var schedBefore = ThreadSched();
var runWall = Stopwatch.StartNew();
var result = await BacktestRunner.RunAsync(request, data, null, CancellationToken.None, profile);
var threadCpu = ThreadCpu() - threadCpuBefore;
runWall.Stop();
var schedAfter = ThreadSched();
total.Stop();
var cpu = Process.GetCurrentProcess().TotalProcessorTime;
var peak = Process.GetCurrentProcess().PeakWorkingSet64;
Console.WriteLine($"indicator prefetch {prefetch} (capacity {request.IndicatorPrefetchCapacity})");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"candles {result.CandlesProcessed:N0}  load {load.Elapsed.TotalSeconds:0.00} s  run {result.Wall.TotalSeconds:0.00} s  total {total.Elapsed.TotalSeconds:0.00} s"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run rate {result.CandlesPerSecond:N0} candles/s  end-to-end rate {result.CandlesProcessed / total.Elapsed.TotalSeconds:N0} candles/s  peak working set {peak / 1048576.0:0} MB"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trades {result.Trades.Count}  signals {result.Signals}  return {result.Overall.TotalReturn:P2}  fingerprint {result.Fingerprint}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gc: gen0 {GC.CollectionCount(0)} gen1 {GC.CollectionCount(1)} gen2 {GC.CollectionCount(2)} allocated {GC.GetTotalAllocatedBytes() / 1048576.0:N0} MB, paused {GC.GetTotalPauseDuration().TotalSeconds:0.00} s"));
Console.WriteLine(profile);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"process CPU {cpu.TotalSeconds:0.00} s, run thread CPU {threadCpu:0.00} s (less sensitive to other load than wall time)"));
if (!double.IsNaN(schedBefore.OnCpu))
{
    // Wall = on a CPU + waiting in the run queue for a CPU (other processes, or our own worker on a busy machine)
    // + blocked (suspended by a GC another thread runs, or waiting for the indicator worker). The run-queue wait is what
    // other processes (and, on a busy machine, the worker) cost the run.
    var onCpu = schedAfter.OnCpu - schedBefore.OnCpu;
    var queued = schedAfter.Queued - schedBefore.Queued;
    var blocked = runWall.Elapsed.TotalSeconds - onCpu - queued;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"run thread: wall {runWall.Elapsed.TotalSeconds:0.00} s = on CPU {onCpu:0.00} s + waiting for a CPU {queued:0.00} s + blocked {blocked:0.00} s"));
}

if (sampler is not null)
{
    foreach (var (type, bytes) in sampler.Top(40))
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"alloc {bytes / 1048576.0,8:0} MB  {type}"));
    }
}

foreach (var p in result.Problems.Take(5))
{
    Console.WriteLine(p);
}

// CPU seconds used by the calling thread (Linux /proc; NaN elsewhere). The run is single-threaded in deterministic
// mode, so this is the run's own cost even when other processes compete for the cores.
static double ThreadCpu()
{
    try
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // utime and stime are fields 14 and 15 of the line, in clock ticks (100 per second on Linux).
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }
    catch (IOException)
    {
        return double.NaN;
    }
}

// Seconds the calling thread spent on a CPU and waiting in the run queue (Linux /proc schedstat; NaN elsewhere).
static (double OnCpu, double Queued) ThreadSched()
{
    try
    {
        var fields = File.ReadAllText("/proc/thread-self/schedstat").Split(' ');
        return (long.Parse(fields[0], CultureInfo.InvariantCulture) / 1e9, long.Parse(fields[1], CultureInfo.InvariantCulture) / 1e9);
    }
    catch (IOException)
    {
        return (double.NaN, double.NaN);
    }
}

// The repository root (folder with TradingBot.sln) above the binary or the working directory; the data is ../shared/data from there.
static string FindRepoRoot()
{
    foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TradingBot.sln")))
            {
                return dir.FullName;
            }
        }
    }

    return Directory.GetCurrentDirectory();
}
