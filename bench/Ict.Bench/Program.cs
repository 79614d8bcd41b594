using System.Diagnostics;
using System.Globalization;
using TradingBot.Ict.Bench;
using TradingBot.Ict.Candles;
using TradingBot.Ict.Engine;
using TradingBot.Ict.Export;

// Usage: dotnet run -c Release --project bench/Ict.Bench -- [candles.csv.gz] [--runs N]
var file = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] != "--runs")).FirstOrDefault() ?? BenchPaths.DefaultInput();
var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(3);
if (!File.Exists(file))
{
    Console.Error.WriteLine($"input not found: {file}");
    return 2;
}

Console.WriteLine($"input: {file}");
var load = Stopwatch.StartNew();
var candles = CandleCsvReader.ReadFile(file);
Console.WriteLine($"loaded {candles.Length:N0} candles in {load.ElapsedMilliseconds} ms");

if (args.Contains("--export-only"))
{
    foreach (var mode in new[] { IctExportMode.Reference, IctExportMode.Causal })
    {
        var clock = Stopwatch.StartNew();
        IctExportCommand.Run(new IctExportOptions(file, Path.Combine(Path.GetTempPath(), $"ict-bench-{mode}"), 5, mode), Console.Out, Console.Error);
        Console.WriteLine($"{mode}: {clock.Elapsed.TotalSeconds:F3} s");
    }

    return 0;
}

if (args.Contains("--profile-tables"))
{
    TableProfile.Run(candles);
    return 0;
}

if (args.Contains("--components"))
{
    Components.Run(candles);
    return 0;
}

var rows = new List<(string Name, double Seconds, double CpuSeconds, double CandlesPerSecond, long Bytes)>();
for (var run = 1; run <= runs; run++)
{
    rows.Add(Detect($"engine causal 1m (run {run})", candles, IctOptions.For(Timeframe.M1, "BTCUSDT"), touchSnapshot: false));
}

rows.Add(Detect("engine causal 1m + snapshot on change", candles, IctOptions.For(Timeframe.M1, "BTCUSDT"), touchSnapshot: true));
rows.Add(Mtf(candles));

foreach (var mode in new[] { IctExportMode.Reference, IctExportMode.Causal })
{
    var outDir = Path.Combine(Path.GetTempPath(), $"ict-bench-{mode.ToString().ToLowerInvariant()}");
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    var code = IctExportCommand.Run(new IctExportOptions(file, outDir, 5, mode), TextWriter.Null, Console.Error);
    var seconds = clock.Elapsed.TotalSeconds;
    var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
    rows.Add(($"export end-to-end {mode.ToString().ToLowerInvariant()} (exit {code})", seconds, cpuSeconds, candles.Length / seconds, -1));
}

Console.WriteLine();
Console.WriteLine("(candles/s = wall clock; candles/cpu-s = per second of process CPU time, robust to a loaded machine)");
Console.WriteLine("(export: cpu s = process CPU time summed over threads; the export uses up to 2 threads)");
Console.WriteLine($"{"benchmark",-44} {"wall s",8} {"cpu s",8} {"candles/s",12} {"candles/cpu-s",14} {"alloc bytes (steady)",21}");
foreach (var (name, seconds, cpuSeconds, rate, bytes) in rows)
{
    var perCpu = ((rate * seconds) / cpuSeconds).ToString("N0", CultureInfo.InvariantCulture);
    Console.WriteLine($"{name,-44} {seconds,8:F3} {cpuSeconds,8:F3} {rate,12:N0} {perCpu,14} {(bytes < 0 ? "-" : bytes.ToString("N0", CultureInfo.InvariantCulture)),21}");
}

return 0;

static (string, double, double, double, long) Detect(string name, Candle[] candles, IctOptions options, bool touchSnapshot)
{
    var engine = new IctEngine(options);
    // Warm-up: first 10% (buffers grow to their working size, JIT tiers up); then measure the rest.
    var warm = candles.Length / 10;
    for (var i = 0; i < warm; i++)
    {
        engine.OnCandleClosed(in candles[i]);
    }

    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var before = GC.GetAllocatedBytesForCurrentThread();
    var clock = Stopwatch.StartNew();
    for (var i = warm; i < candles.Length; i++)
    {
        var update = engine.OnCandleClosed(in candles[i]);
        if (touchSnapshot && update.SnapshotChanged)
        {
            _ = engine.Snapshot;
        }
    }

    var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
    var seconds = clock.Elapsed.TotalSeconds;
    var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
    return (name, seconds, cpuSeconds, (candles.Length - warm) / seconds, bytes);
}

static (string, double, double, double, long) Mtf(Candle[] candles)
{
    var mtf = MultiTimeframeIct.Standard("BTCUSDT");
    var warm = candles.Length / 10;
    for (var i = 0; i < warm; i++)
    {
        mtf.OnMinuteClosed(in candles[i]);
    }

    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var before = GC.GetAllocatedBytesForCurrentThread();
    var clock = Stopwatch.StartNew();
    for (var i = warm; i < candles.Length; i++)
    {
        mtf.OnMinuteClosed(in candles[i]);
    }

    var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
    var seconds = clock.Elapsed.TotalSeconds;
    var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
    return ("multi-timeframe 1m+15m+1h", seconds, cpuSeconds, (candles.Length - warm) / seconds, bytes);
}
