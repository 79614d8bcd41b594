using System.Diagnostics;
using System.Globalization;
using TradingBot.Backtest.Running;

// Throughput benchmark of the full grain pipeline: one year of BTCUSDT + ETHUSDT 1m, strategies A+B+C.
// Usage: dotnet run -c Release --project bench/Backtest.Bench -- [data-dir] [--from 2023-01-01] [--to 2024-01-01] [--strategies A,B,C]
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
    var (elapsed, allocated, snapshots) = PipelineProbe.Run(data);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pipeline only: {elapsed.TotalSeconds:0.000} s, {allocated / 1048576.0:0} MB, {snapshots} snapshots"));
    (elapsed, allocated, snapshots) = PipelineProbe.Run(data);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pipeline only (2nd): {elapsed.TotalSeconds:0.000} s, {allocated / 1048576.0:0} MB, {snapshots} snapshots"));
    var (engines, engineBytes) = PipelineProbe.RunEngines(data, readSnapshots: false);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ICT engines only: {engines.TotalSeconds:0.000} s, {engineBytes / 1048576.0:0} MB"));
    (engines, engineBytes) = PipelineProbe.RunEngines(data, readSnapshots: true);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ICT engines + snapshots: {engines.TotalSeconds:0.000} s, {engineBytes / 1048576.0:0} MB"));
    if (argsList.Contains("--components-only"))
    {
        return;
    }
}

var profile = new RunnerProfile();
var result = await BacktestRunner.RunAsync(request, data, null, CancellationToken.None, profile);
total.Stop();
var cpu = Process.GetCurrentProcess().TotalProcessorTime;
var peak = Process.GetCurrentProcess().PeakWorkingSet64;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"candles {result.CandlesProcessed:N0}  load {load.Elapsed.TotalSeconds:0.00} s  run {result.Wall.TotalSeconds:0.00} s  total {total.Elapsed.TotalSeconds:0.00} s"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run rate {result.CandlesPerSecond:N0} candles/s  end-to-end rate {result.CandlesProcessed / total.Elapsed.TotalSeconds:N0} candles/s  peak working set {peak / 1048576.0:0} MB"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trades {result.Trades.Count}  signals {result.Signals}  return {result.Overall.TotalReturn:P2}  fingerprint {result.Fingerprint}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gc: gen0 {GC.CollectionCount(0)} gen1 {GC.CollectionCount(1)} gen2 {GC.CollectionCount(2)} allocated {GC.GetTotalAllocatedBytes() / 1048576.0:N0} MB"));
Console.WriteLine(profile);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"process CPU {cpu.TotalSeconds:0.00} s"));
foreach (var p in result.Problems.Take(5))
{
    Console.WriteLine(p);
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
