using System.Diagnostics;
using TradingBot.Ict.Breakers;
using TradingBot.Ict.Candles;
using TradingBot.Ict.Events;
using TradingBot.Ict.Fvg;
using TradingBot.Ict.Liquidity;
using TradingBot.Ict.OrderBlocks;
using TradingBot.Ict.Primitives;
using TradingBot.Ict.Structure;
using TradingBot.Ict.Swings;

namespace TradingBot.Ict.Bench;

/// <summary>Per-detector cost (each alone, on top of the ring and swings where needed).</summary>
internal static class Components
{
    public static void Run(Candle[] candles)
    {
        Time("ring only", candles, (_, _, _) => { });
        Time("ring+swings", candles, (_, _, _) => { });
        var fvg = new FvgDetector(new FvgOptions(), 60_000);
        Time("fvg", candles, (ring, _, ev) => fvg.OnBar(ring, null, ev));
        var fvg2 = new FvgDetector(new FvgOptions(MaxActive: 8), 60_000);
        Time("fvg max8", candles, (ring, _, ev) => fvg2.OnBar(ring, null, ev));
        var fvg3 = new FvgDetector(new FvgOptions(RetireOnFirstTouch: true), 60_000);
        Time("fvg retire-touch", candles, (ring, _, ev) => fvg3.OnBar(ring, null, ev));
        var ob = new OrderBlockDetector(new OrderBlockOptions(), 60_000);
        Time("ob", candles, (ring, sw, ev) => ob.OnBar(ring, sw.LastHigh, sw.LastLow, ev));
        var br = new BreakerBlockDetector(new BreakerOptions(), 60_000);
        Time("breakers", candles, (ring, sw, ev) => br.OnBar(ring, sw, ev));
        var ms = new MarketStructureDetector(60_000);
        Time("structure", candles, (ring, sw, ev) => ms.OnBar(ring.Last, ring.Count - 1, sw.LastHigh, sw.LastLow, ev));
        var liq = new LiquidityPoolDetector(new LiquidityOptions(), 60_000);
        var atr = new AverageTrueRange(200);
        Time("liquidity+atr", candles, (ring, sw, ev) =>
        {
            atr.OnBar(ring.Last);
            liq.OnBar(ring.Last, ring.Count - 1, ev);
            if (sw.Change != SwingChange.None)
            {
                liq.AddSwing(sw.Last, ring.Count - 1, atr, ev);
            }
        });
    }

    private static void Time(string name, Candle[] candles, Action<CandleRing, SwingDetector, EventBuffer> step)
    {
        var ring = new CandleRing(4096);
        var swings = new SwingDetector(new SwingOptions(5), 60_000);
        var events = new EventBuffer();
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var swingsOn = name != "ring only";
        foreach (var c in candles)
        {
            events.Clear();
            ring.Add(in c);
            if (swingsOn)
            {
                swings.OnBar(ring, events);
            }

            step(ring, swings, events);
        }

        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine($"{name,-20} {candles.Length / clock.Elapsed.TotalSeconds,14:N0} candles/s wall {candles.Length / cpuSeconds,14:N0} candles/cpu-s");
    }
}
