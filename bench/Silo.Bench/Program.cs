using System.CommandLine;
using System.Globalization;
using TradingBot.Silo.Bench;

// Usage:
//   dotnet run -c Release --project bench/Silo.Bench -- latency --entries 300
//   dotnet run -c Release --project bench/Silo.Bench -- load --seconds 120
//   dotnet run -c Release --project bench/Silo.Bench -- memory --minutes 10
var root = new RootCommand("TradingBot silo bench: entry latency, load and memory against the loopback simulator.");

var symbols = new Option<int>("--symbols") { Description = "Symbols (2 = bundled BTC/ETH; 3-5 add derived bench-only candles).", DefaultValueFactory = _ => 5 };
var start = new Option<string>("--start") { Description = "Market time to start at (UTC).", DefaultValueFactory = _ => "2025-05-26T00:00:00Z" };

var entries = new Option<int>("--entries") { Description = "Stop after this many entries.", DefaultValueFactory = _ => 300 };
var maxMinutes = new Option<int>("--max-minutes") { Description = "Stop after this many 1m bars.", DefaultValueFactory = _ => 40_000 };
var warmup = new Option<int>("--warmup") { Description = "Bars excluded from the figures (JIT, first activations).", DefaultValueFactory = _ => 60 };
var latency = new Command("latency", "Closed kline → entry order at the simulator, per stage, on a quiet machine.") { symbols, start, entries, maxMinutes, warmup };
latency.SetAction((parse, _) => LatencyRun.RunAsync(
    new LatencyRun.Options(parse.GetValue(symbols), parse.GetValue(entries), parse.GetValue(maxMinutes), parse.GetValue(warmup), Parse(parse.GetValue(start)!)),
    Console.Out));
root.Subcommands.Add(latency);

var multiplier = new Option<double>("--multiplier") { Description = "Times Binance's message rate.", DefaultValueFactory = _ => 10 };
var seconds = new Option<int>("--seconds") { Description = "Measured duration.", DefaultValueFactory = _ => 60 };
var stepMs = new Option<int>("--step-ms") { Description = "Real milliseconds between bar closes.", DefaultValueFactory = _ => 250 };
var warmupSeconds = new Option<int>("--warmup-seconds") { Description = "Unmeasured lead-in.", DefaultValueFactory = _ => 10 };
var load = new Command("load", "Kline → indicators → signal → order under 10× Binance's market message rate.") { symbols, start, multiplier, seconds, stepMs, warmupSeconds };
load.SetAction((parse, _) => LoadRun.RunAsync(
    new LoadRun.Options(parse.GetValue(symbols), parse.GetValue(multiplier), parse.GetValue(seconds), parse.GetValue(stepMs), parse.GetValue(warmupSeconds), Parse(parse.GetValue(start)!)),
    Console.Out));
root.Subcommands.Add(load);

var minutes = new Option<int>("--minutes") { Description = "How long the silo runs.", DefaultValueFactory = _ => 10 };
var interval = new Option<int>("--interval") { Description = "Seconds between RSS samples.", DefaultValueFactory = _ => 5 };
var warmupMinutes = new Option<int>("--warmup-minutes") { Description = "Minutes before the steady state is counted.", DefaultValueFactory = _ => 2 };
var environment = new Option<string[]>("--env") { Description = "NAME=VALUE for the child's environment (e.g. DOTNET_gcConcurrent=0); repeatable.", DefaultValueFactory = _ => [] };
var memory = new Command("memory", "RSS of `trading-bot run` (child process, paper mode) over time.") { symbols, minutes, interval, warmupMinutes, environment };
memory.SetAction((parse, _) => MemoryRun.RunAsync(
    new MemoryRun.Options(parse.GetValue(symbols), parse.GetValue(minutes), parse.GetValue(interval), parse.GetValue(warmupMinutes), parse.GetValue(environment) ?? []),
    Console.Out));
root.Subcommands.Add(memory);

var venueMemory = new Command("venue-memory", "Managed heap held by the embedded simulator's candles.") { symbols };
venueMemory.SetAction(parse => VenueMemory.Run(parse.GetValue(symbols), Console.Out));
root.Subcommands.Add(venueMemory);

try
{
    return await root.Parse(args).InvokeAsync();
}
catch (Exception ex) when (ex is InvalidOperationException or InvalidDataException or IOException or TimeoutException)
{
    await Console.Error.WriteLineAsync($"silo bench: {ex.Message}");
    return 2;
}

static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
