using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TradingBot.Runtime.Bench;
using TradingBot.Runtime.Core;
using TradingBot.Runtime.Hosting;
using TradingBot.Runtime.Streams;
using TradingBot.Runtime.Time;

// Grain-runtime bench. Usage: dotnet run -c Release --project bench/Runtime.Bench -- [--quick]
// Deterministic scenarios run on this one thread, so their CPU time and allocation per operation are exact
// figures that other load on the machine hardly changes (compare those between builds, not ops/s).
// --pipeline [--no-call] runs only the pipeline scenario, ten times longer; --calls only grain-to-grain calls
// (both for a profiler, or a steadier CPU figure than the short runs of the table).
var quick = args.Contains("--quick");
var scale = quick ? 1 : 5;
var rows = new List<Row>();
var counter = new StreamCounter();
if (args.Contains("--calls"))
{
    await using var runtime = await Start(deterministic: true, counter);
    var driver = runtime.Client.GetGrain<IDriverGrain>("driver");
    await driver.Drive("warm", 100_000);
    var calls = 2_000_000 * scale;
    var cost = ThreadCost.Start();
    await driver.Drive("target", calls);
    var (cpuNs, bytes) = cost.PerOp(calls);
    Console.WriteLine($"deterministic grain->grain calls: {cpuNs:N0} CPU ns and {bytes:N0} B per call");
    return 0;
}

if (args.Contains("--pipeline"))
{
    await using var runtime = await Start(deterministic: true, counter);
    var callGate = !args.Contains("--no-call");
    var row = await Pipeline(callGate ? "deterministic pipeline (bar -> source -> 3 subscribers -> gate call)" : "deterministic fan-out (bar -> source -> 3 subscribers)", runtime, "k", callGate, 1_000_000 * scale);
    Console.WriteLine($"{row.Scenario}: {row.PerSecond.ToString("N0", CultureInfo.InvariantCulture)} bars/s, {row.Cost?.CpuNs:N0} CPU ns and {row.Cost?.Bytes:N0} B per bar");
    return 0;
}

rows.Add(await Sequential("direct call (baseline)", new DirectPing(), 200_000 * scale, measureThread: true));

await using (var det = await Start(deterministic: true, counter))
{
    var driver = det.Client.GetGrain<IDriverGrain>("driver");
    await driver.Drive("warm", 10_000);
    var calls = 1_000_000 * scale;
    var cost = ThreadCost.Start();
    var sw = Stopwatch.StartNew();
    await driver.Drive("target", calls);
    sw.Stop();
    rows.Add(new Row("deterministic grain->grain calls", calls / sw.Elapsed.TotalSeconds, "-", "-", cost.PerOp(calls)));
    rows.Add(await Sequential("deterministic host->grain calls", det.Client.GetGrain<IPingGrain>("host"), 200_000 * scale, measureThread: true));
    rows.Add(await StreamThroughput("deterministic stream events", det, counter, 200_000 * scale, measureThread: true));
    rows.Add(await Pipeline("deterministic fan-out (bar -> source -> 3 subscribers)", det, "fan", callGate: false, 100_000 * scale));
    rows.Add(await Pipeline("deterministic pipeline (bar -> source -> 3 subscribers -> gate call)", det, "pipe", callGate: true, 100_000 * scale));
}

await using (var live = await Start(deterministic: false, counter))
{
    rows.Add(await Sequential("concurrent host->grain (1 caller)", live.Client.GetGrain<IPingGrain>("seq"), 100_000 * scale, measureThread: false));
    rows.Add(await Parallel("concurrent host->grain (64 in flight, 16 grains)", live, 400_000 * scale));
    var driver = live.Client.GetGrain<IDriverGrain>("driver");
    await driver.Drive("warm", 10_000);
    var calls = 200_000 * scale;
    var sw = Stopwatch.StartNew();
    await driver.Drive("target", calls);
    sw.Stop();
    rows.Add(new Row("concurrent grain->grain calls", calls / sw.Elapsed.TotalSeconds, "-", "-", null));
    rows.Add(await StreamThroughput("concurrent stream events", live, counter, 500_000 * scale, measureThread: false));
}

Console.WriteLine($"TradingBot.Runtime bench ({(quick ? "quick" : "full")}), {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
Console.WriteLine($"{"scenario",-70} {"ops/s",12} {"p50",9} {"p99",9} {"CPU ns/op",10} {"B/op",7}");
foreach (var row in rows)
{
    var cpu = row.Cost is { } c ? c.CpuNs.ToString("N0", CultureInfo.InvariantCulture) : "-";
    var bytes = row.Cost is { } b ? b.Bytes.ToString("N0", CultureInfo.InvariantCulture) : "-";
    Console.WriteLine($"{row.Scenario,-70} {row.PerSecond.ToString("N0", CultureInfo.InvariantCulture),12} {row.P50,9} {row.P99,9} {cpu,10} {bytes,7}");
}

return 0;

static async Task<GrainRuntime> Start(bool deterministic, StreamCounter counter)
{
    var services = new ServiceCollection();
    services.AddSingleton(counter);
    if (deterministic)
    {
        services.AddSingleton<TimeProvider>(new ManualTimeProvider());
    }

    services.AddGrainRuntime(b =>
    {
        b.AddGrainsFromAssembly(typeof(PingGrain).Assembly)
            .AddMemoryStreams("mem", o => o.SubscriptionQueueCapacity = 4096);
        if (deterministic)
        {
            b.UseDeterministicMode();
        }
    });
    var provider = services.BuildServiceProvider();
    var runtime = provider.GetRequiredService<GrainRuntime>();
    await runtime.StartAsync();
    return runtime;
}

static async Task<Row> Sequential(string name, IPingGrain target, int calls, bool measureThread)
{
    for (var i = 0; i < 20_000; i++)
    {
        await target.Ping(i);
    }

    var latencies = new long[calls];
    var cost = ThreadCost.Start();
    var total = Stopwatch.StartNew();
    for (var i = 0; i < calls; i++)
    {
        var start = Stopwatch.GetTimestamp();
        await target.Ping(i);
        latencies[i] = Stopwatch.GetTimestamp() - start;
    }

    total.Stop();
    return new Row(name, calls / total.Elapsed.TotalSeconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99), measureThread ? cost.PerOp(calls) : null);
}

static async Task<Row> Parallel(string name, GrainRuntime runtime, int calls)
{
    const int InFlight = 64;
    var grains = Enumerable.Range(0, 16).Select(i => runtime.Client.GetGrain<IPingGrain>("p" + i)).ToArray();
    foreach (var g in grains)
    {
        await g.Ping(0);
    }

    var latencies = new long[calls];
    var next = -1;
    var total = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, InFlight).Select(w => Task.Run(async () =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < calls)
        {
            var start = Stopwatch.GetTimestamp();
            await grains[i % grains.Length].Ping(i);
            latencies[i] = Stopwatch.GetTimestamp() - start;
        }
    })));
    total.Stop();
    return new Row(name, calls / total.Elapsed.TotalSeconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99), null);
}

static async Task<Row> StreamThroughput(string name, GrainRuntime runtime, StreamCounter counter, int events, bool measureThread)
{
    var stream = runtime.Client.GetStreamProvider("mem").GetStream<BenchEvent>(StreamId.Create("bench", name));
    var warm = counter.Expect(1_000);
    for (var i = 0; i < 1_000; i++)
    {
        await stream.OnNextAsync(new BenchEvent(i));
    }

    await warm;
    var done = counter.Expect(events);
    var cost = ThreadCost.Start();
    var sw = Stopwatch.StartNew();
    for (var i = 0; i < events; i++)
    {
        await stream.OnNextAsync(new BenchEvent(i));
    }

    await done;
    sw.Stop();
    return new Row(name, events / sw.Elapsed.TotalSeconds, "-", "-", measureThread ? cost.PerOp(events) : null);
}

// The backtest's shape per candle: a host publish, one implicit delivery, a republish to three explicit
// subscribers, and (callGate) one grain call from each (all synchronous, run to quiescence by the publish).
static async Task<Row> Pipeline(string name, GrainRuntime runtime, string key, bool callGate, int bars)
{
    foreach (var strategy in new[] { "a", "b", "c" })
    {
        await runtime.Client.GetGrain<IPipeStrategyGrain>(key + "-" + strategy).Start(key);
    }

    var stream = runtime.Client.GetStreamProvider("mem").GetStream<BenchBar>(StreamId.Create("pipe-in", key));
    for (var i = 0; i < 10_000; i++)
    {
        await stream.OnNextAsync(new BenchBar(i, callGate));
    }

    var cost = ThreadCost.Start();
    var sw = Stopwatch.StartNew();
    for (var i = 0; i < bars; i++)
    {
        await stream.OnNextAsync(new BenchBar(i, callGate));
    }

    sw.Stop();
    return new Row(name, bars / sw.Elapsed.TotalSeconds, "-", "-", cost.PerOp(bars));
}

static string Percentile(long[] ticks, double q)
{
    var sorted = (long[])ticks.Clone();
    Array.Sort(sorted);
    var value = sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(sorted.Length * q) - 1)];
    return $"{value * 1_000_000.0 / Stopwatch.Frequency:F1}us";
}

/// <summary>One line of the report.</summary>
internal sealed record Row(string Scenario, double PerSecond, string P50, string P99, (double CpuNs, double Bytes)? Cost);

/// <summary>CPU time and allocation of the calling thread since <see cref="Start"/>.</summary>
internal readonly record struct ThreadCost(double CpuSeconds, long Allocated)
{
    public static ThreadCost Start() => new(ThreadCpuSeconds(), GC.GetAllocatedBytesForCurrentThread());

    public (double CpuNs, double Bytes) PerOp(long operations) =>
        ((ThreadCpuSeconds() - CpuSeconds) * 1e9 / operations, (GC.GetAllocatedBytesForCurrentThread() - Allocated) / (double)operations);

    // utime + stime of this thread (fields 14 and 15 of /proc/thread-self/stat, in 1/100 s); NaN off Linux.
    private static double ThreadCpuSeconds()
    {
        try
        {
            var stat = File.ReadAllText("/proc/thread-self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }
}
