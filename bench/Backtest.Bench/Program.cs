using System.Diagnostics;
using System.Globalization;
using TradingBot.Backtest.Running;

// Throughput benchmark of the full grain pipeline: one year of BTCUSDT + ETHUSDT 1m, strategies A+B+C.
// Usage: dotnet run -c Release --project bench/Backtest.Bench -- [data-dir] [--from 2023-01-01] [--to 2024-01-01] [--strategies A,B,C] [--components [--snapshot-hash] [--components-only]] [--alloc]
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
var files = new[] { "BTCUSDT-1m-spot-20220101-20240625.csv.gz", "ETHUSDT-1m-spot-20220101-20240625.csv.gz" }.Select(f => Path.Combine(dataDir, f)).ToArray();

var total = Stopwatch.StartNew();
var request = new BacktestRequest { DataPaths = files, From = from, To = to, Strategies = strategies };
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

    foreach (var readSnapshots in new[] { false, true })
    {
        var before = ThreadCpu();
        var (engines, engineBytes) = PipelineProbe.RunEngines(data, readSnapshots);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ICT engines{(readSnapshots ? " + snapshots" : " only")}: {engines.TotalSeconds:0.000} s wall, {ThreadCpu() - before:0.00} s thread CPU, {engineBytes / 1048576.0:0} MB"));
    }

    if (argsList.Contains("--snapshot-hash"))
    {
        Console.WriteLine($"indicator snapshots fingerprint {PipelineProbe.SnapshotFingerprint(data)}");
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
var result = await BacktestRunner.RunAsync(request, data, null, CancellationToken.None, profile);
var threadCpu = ThreadCpu() - threadCpuBefore;
total.Stop();
var cpu = Process.GetCurrentProcess().TotalProcessorTime;
var peak = Process.GetCurrentProcess().PeakWorkingSet64;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"candles {result.CandlesProcessed:N0}  load {load.Elapsed.TotalSeconds:0.00} s  run {result.Wall.TotalSeconds:0.00} s  total {total.Elapsed.TotalSeconds:0.00} s"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run rate {result.CandlesPerSecond:N0} candles/s  end-to-end rate {result.CandlesProcessed / total.Elapsed.TotalSeconds:N0} candles/s  peak working set {peak / 1048576.0:0} MB"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trades {result.Trades.Count}  signals {result.Signals}  return {result.Overall.TotalReturn:P2}  fingerprint {result.Fingerprint}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gc: gen0 {GC.CollectionCount(0)} gen1 {GC.CollectionCount(1)} gen2 {GC.CollectionCount(2)} allocated {GC.GetTotalAllocatedBytes() / 1048576.0:N0} MB"));
Console.WriteLine(profile);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"process CPU {cpu.TotalSeconds:0.00} s, run thread CPU {threadCpu:0.00} s (less sensitive to other load than wall time)"));
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
