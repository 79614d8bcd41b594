using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TradingBot.Runtime.Core;
using TradingBot.Runtime.CrashChild;
using TradingBot.Runtime.Hosting;

// Usage: TradingBot.Runtime.CrashChild <sqlite-path> <key> <count>
// Writes <count> increments of the ledger grain, then prints "ACK <etag>" and blocks until killed.
if (args.Length != 3 || !int.TryParse(args[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var count))
{
    Console.Error.WriteLine("usage: <sqlite-path> <key> <count>");
    return 2;
}

var services = new ServiceCollection();
services.AddLogging();
services.AddGrainRuntime(b => b.AddGrain<LedgerGrain>().AddSqliteGrainStorage("Default", args[0]));
await using var provider = services.BuildServiceProvider();
var runtime = provider.GetRequiredService<GrainRuntime>();
await runtime.StartAsync();
var ledger = runtime.Client.GetGrain<ILedgerGrain>(args[1]);
string? etag = null;
for (var i = 0; i < count; i++)
{
    etag = await ledger.Append(i + 1);
}

Console.Out.WriteLine($"ACK {etag}");
Console.Out.Flush();
Thread.Sleep(Timeout.Infinite);
return 0;
