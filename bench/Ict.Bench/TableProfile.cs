using System.Diagnostics;
using TradingBot.Ict.Candles;
using TradingBot.Ict.Export;
using TradingBot.Ict.Reference;

namespace TradingBot.Ict.Bench;

/// <summary>CPU time of each export phase (robust to a loaded machine).</summary>
internal static class TableProfile
{
    public static void Run(Candle[] candles)
    {
        var times = candles.Select(c => c.OpenTimeMs).ToArray();
        IctTable swings = null!;
        SwingSeries series = null!;
        Measure("swings", () => swings = ReferenceTables.Swings(candles, 5));
        Measure("series", () => series = SwingSeries.FromTable(swings, times));
        Measure("fvg", () => ReferenceTables.Fvg(candles, false));
        Measure("fvg again", () => ReferenceTables.Fvg(candles, false));
        Measure("fvg join", () => ReferenceTables.Fvg(candles, true));
        Measure("bos", () => ReferenceTables.BosChoch(candles, series));
        Measure("ob", () => ReferenceTables.OrderBlocks(candles, series));
        Measure("ob again", () => ReferenceTables.OrderBlocks(candles, series));
        Measure("liquidity", () => ReferenceTables.Liquidity(candles, series));
        IReadOnlyList<IctTable> causal = null!;
        Measure("causal all", () => causal = CausalTables.Build(candles, 5));
        Measure("write 6 (serial)", () =>
        {
            foreach (var table in causal)
            {
                TableCsvWriter.Write(table, Stream.Null);
            }
        });
    }

    private static void Measure(string name, Action action)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        action();
        Console.WriteLine($"{name,-20} wall {clock.ElapsedMilliseconds,6} ms  cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds,6:F0} ms");
    }
}
