using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TradingBot.Runtime.Bench;
using TradingBot.Runtime.Core;
using TradingBot.Runtime.Hosting;
using TradingBot.Runtime.Streams;
using TradingBot.Runtime.Time;

// Grain-runtime bench. Usage: dotnet run -c Release --project bench/Runtime.Bench -- [--quick]
var quick = args.Contains("--quick");
var scale = quick ? 1 : 5;
var rows = new List<(string Scenario, double PerSecond, string P50, string P99)>();
var counter = new StreamCounter();

rows.Add(await Sequential("direct call (baseline)", new DirectPing(), 200_000 * scale));

await using (var det = await Start(deterministic: true, counter))
{
    var driver = det.Client.GetGrain<IDriverGrain>("driver");
    await driver.Drive("warm", 10_000);
    var calls = 1_000_000 * scale;
    var sw = Stopwatch.StartNew();
    await driver.Drive("target", calls);
    sw.Stop();
    rows.Add(("deterministic grain->grain calls", calls / sw.Elapsed.TotalSeconds, "-", "-"));
    rows.Add(await Sequential("deterministic host->grain calls", det.Client.GetGrain<IPingGrain>("host"), 200_000 * scale));
    rows.Add(await StreamThroughput("deterministic stream events", det, counter, 200_000 * scale));
}

await using (var live = await Start(deterministic: false, counter))
{
    rows.Add(await Sequential("concurrent host->grain (1 caller)", live.Client.GetGrain<IPingGrain>("seq"), 100_000 * scale));
    rows.Add(await Parallel("concurrent host->grain (64 in flight, 16 grains)", live, 400_000 * scale));
    var driver = live.Client.GetGrain<IDriverGrain>("driver");
    await driver.Drive("warm", 10_000);
    var calls = 200_000 * scale;
    var sw = Stopwatch.StartNew();
    await driver.Drive("target", calls);
    sw.Stop();
    rows.Add(("concurrent grain->grain calls", calls / sw.Elapsed.TotalSeconds, "-", "-"));
    rows.Add(await StreamThroughput("concurrent stream events", live, counter, 500_000 * scale));
}

Console.WriteLine($"TradingBot.Runtime bench ({(quick ? "quick" : "full")}), {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
Console.WriteLine($"{"scenario",-52} {"ops/s",14} {"p50",10} {"p99",10}");
foreach (var (scenario, perSecond, p50, p99) in rows)
{
    Console.WriteLine($"{scenario,-52} {perSecond.ToString("N0", CultureInfo.InvariantCulture),14} {p50,10} {p99,10}");
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

static async Task<(string, double, string, string)> Sequential(string name, IPingGrain target, int calls)
{
    for (var i = 0; i < 20_000; i++)
    {
        await target.Ping(i);
    }

    var latencies = new long[calls];
    var total = Stopwatch.StartNew();
    for (var i = 0; i < calls; i++)
    {
        var start = Stopwatch.GetTimestamp();
        await target.Ping(i);
        latencies[i] = Stopwatch.GetTimestamp() - start;
    }

    total.Stop();
    return (name, calls / total.Elapsed.TotalSeconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99));
}

static async Task<(string, double, string, string)> Parallel(string name, GrainRuntime runtime, int calls)
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
    return (name, calls / total.Elapsed.TotalSeconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99));
}

static async Task<(string, double, string, string)> StreamThroughput(string name, GrainRuntime runtime, StreamCounter counter, int events)
{
    var stream = runtime.Client.GetStreamProvider("mem").GetStream<BenchEvent>(StreamId.Create("bench", name));
    var warm = counter.Expect(1_000);
    for (var i = 0; i < 1_000; i++)
    {
        await stream.OnNextAsync(new BenchEvent(i));
    }

    await warm;
    var done = counter.Expect(events);
    var sw = Stopwatch.StartNew();
    for (var i = 0; i < events; i++)
    {
        await stream.OnNextAsync(new BenchEvent(i));
    }

    await done;
    sw.Stop();
    return (name, events / sw.Elapsed.TotalSeconds, "-", "-");
}

static string Percentile(long[] ticks, double q)
{
    var sorted = (long[])ticks.Clone();
    Array.Sort(sorted);
    var value = sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(sorted.Length * q) - 1)];
    return $"{value * 1_000_000.0 / Stopwatch.Frequency:F1}us";
}
