using System.Globalization;
using TradingBot.Chaos;
using TradingBot.Chaos.Faults;

// Chaos run / soak: dotnet run -c Release --project bench/Chaos -- --seed 42 --days 1 [--risk 0.04] [--dense] [--work DIR]
// Exit code: 0 = every invariant held (and for --days >= 7 the soak criteria), 1 = violations, 2 = bad arguments.
var seed = 42;
var days = 1.0;
var dense = false;
var risk = 0.02m;
string? work = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--seed" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var s):
            seed = s;
            i++;
            break;
        case "--days" when i + 1 < args.Length && double.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var d) && d > 0 && d <= 28:
            days = d;
            i++;
            break;
        case "--risk" when i + 1 < args.Length && decimal.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var r) && r is > 0 and <= 0.05m:
            risk = r;
            i++;
            break;
        case "--work" when i + 1 < args.Length:
            work = args[++i];
            break;
        case "--dense":
            dense = true;
            break;
        default:
            Console.Error.WriteLine($"Unknown or invalid argument '{args[i]}'. Usage: --seed N --days D (0 < D <= 28) [--risk 0.02 (per trade, <= 0.05)] [--dense] [--work DIR]");
            return 2;
    }
}

var baseDirectory = AppContext.BaseDirectory;
var silo = Path.Combine(baseDirectory, "trading-bot.dll");
var candles = Path.Combine(baseDirectory, "candles");
if (!File.Exists(silo) || !Directory.Exists(candles))
{
    Console.Error.WriteLine($"trading-bot.dll or the bundled candles are missing next to {baseDirectory}; build bench/Chaos (it references src/Silo).");
    return 2;
}

work ??= Directory.CreateTempSubdirectory($"chaos-{seed}-").FullName;
Console.WriteLine($"chaos run: seed {seed}, {days} simulated day(s), risk {risk} per trade, work folder {work}");
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var report = await ChaosRun.RunAsync(new ChaosOptions
{
    Seed = seed,
    Days = days,
    CandlesPath = candles,
    SiloAssembly = silo,
    WorkDirectory = work,
    Faults = dense ? FaultProfile.Dense : FaultProfile.Default,
    RiskPerTrade = risk,
    Log = Console.WriteLine,
}, cancel.Token);

Console.WriteLine(report);
var soakProblems = new List<string>();
if (days >= 7)
{
    if (report.MemoryGrowthPercent is > 10)
    {
        soakProblems.Add($"memory grew {report.MemoryGrowthPercent:0.0} % after warm-up (limit 10 %)");
    }

    if (report.HandlerErrorRate is >= 0.01)
    {
        soakProblems.Add($"handler error rate {report.HandlerErrorRate:P2} (limit 1 %)");
    }
}

if (report.MaxReconnectSeconds > 30)
{
    soakProblems.Add($"max reconnect {report.MaxReconnectSeconds:0.0} s (limit 30 s)");
}

soakProblems.ForEach(p => Console.WriteLine("SOAK " + p));
Console.WriteLine(report.Passed && soakProblems.Count == 0 ? "PASS" : "FAIL");
return report.Passed && soakProblems.Count == 0 ? 0 : 1;
