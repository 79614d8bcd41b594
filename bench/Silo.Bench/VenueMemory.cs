using System.Globalization;
using TradingBot.Exchange.Simulator.Hosting;

namespace TradingBot.Silo.Bench;

/// <summary><c>venue-memory</c>: managed heap held by the embedded simulator's loaded candles (what paper mode carries).</summary>
internal static class VenueMemory
{
    public static int Run(int symbols, TextWriter output)
    {
        var candles = DerivedCandles.Prepare(symbols, output);
        var names = DerivedCandles.Symbols(symbols);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var venue = SimulatorHost.BuildVenue(new SimulatorOptions { DataPaths = [candles], Symbols = names, Speed = 0 });
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(venue);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"simulator venue with {names.Count} symbols' 1m candles: {(after - before) / 1048576.0:0.0} MB managed heap"));
        return 0;
    }
}
