using System.Diagnostics;
using System.Globalization;

namespace TradingBot.Silo.Bench;

/// <summary>
/// <c>latency</c>: closes one 1m bar at a time on a quiet machine, waits until the bot has fully handled it, and
/// times every stage from the simulator pushing the closing klines to the entry order arriving back at it.
/// Entries are the bot's own (strategies A, B, C on real candles); nothing is injected.
/// </summary>
internal static class LatencyRun
{
    public sealed record Options(int Symbols, int Entries, int MaxMinutes, int WarmupMinutes, DateTimeOffset Start);

    public static async Task<int> RunAsync(Options options, TextWriter output)
    {
        var candles = DerivedCandles.Prepare(options.Symbols, output);
        using var siloConsole = SiloConsole.Redirect("latency");
        output.WriteLine($"the silo's own console log goes to {siloConsole.Path}");
        var symbols = DerivedCandles.Symbols(options.Symbols);
        output.WriteLine($"latency: {symbols.Count} symbols ({string.Join(", ", symbols)}), strategies A B C, replay from {options.Start:u}, candles {candles}");
        using var probe = new StageProbe();
        await using var rig = await BenchRig.StartAsync(candles, symbols, options.Start, BenchSettings.ManyEntries());
        var stepper = new MarketStepper(rig.Simulator, symbols.Count, strategies: 3, options.Start);
        var report = new LatencyReport();
        var wall = Stopwatch.StartNew();
        var timeouts = 0;
        probe.Drain();
        for (var minute = 0; minute < options.MaxMinutes && report.Entries.Count < options.Entries; minute++)
        {
            stepper.PreClose();
            await SettleAsync(probe, TimeSpan.FromMilliseconds(3));
            probe.Drain();
            var sentAt = stepper.Close();
            if (minute == 0)
            {
                // Learn how many consumers the indicator streams have (strategies, plus e.g. the dashboard) from one
                // bar left to settle completely, so later bars can be waited for exactly.
                await Task.Delay(TimeSpan.FromSeconds(1));
                await SettleAsync(probe, TimeSpan.FromMilliseconds(200));
                output.WriteLine($"  indicator stream consumers per snapshot: {stepper.Calibrate(probe.Count(StageProbe.StrategyGrain))}");
            }

            if (!await WaitHandledAsync(probe, stepper))
            {
                if (timeouts++ < 3)
                {
                    output.WriteLine($"  bar {stepper.Market:u} not fully handled within 10 s: SymbolGrain calls {probe.Count(StageProbe.SymbolGrain)}/{stepper.ExpectedSymbolCalls}, StrategyGrain calls {probe.Count(StageProbe.StrategyGrain)}/{stepper.ExpectedStrategyCalls}, klines received {probe.Count(StageProbe.KlineReceived)}; other calls: {string.Join(", ", probe.Unmatched.Select(kv => $"{kv.Key}×{kv.Value}"))}");
                }
            }

            var events = probe.Drain();
            if (minute >= options.WarmupMinutes)
            {
                report.Add(sentAt, events);
            }

            if (minute % 500 == 0)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {stepper.Market:u}: {minute} bars, {report.Entries.Count} entries, {wall.Elapsed.TotalSeconds:0} s"));
            }
        }

        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bars closed: {report.Bars} (after {options.WarmupMinutes} warm-up bars), entries: {report.Entries.Count}, wait timeouts: {timeouts}, wall {wall.Elapsed.TotalSeconds:0} s"));
        report.Print(output);
        var info = GC.GetGCMemoryInfo();
        var live = GC.GetTotalMemory(forceFullCollection: true);
        var rss = Environment.WorkingSet;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory of this process (simulator + silo + bench): RSS {rss / 1048576.0:0.0} MB; GC heap {info.HeapSizeBytes / 1048576.0:0.0} MB, committed {info.TotalCommittedBytes / 1048576.0:0.0} MB, live after a full GC {live / 1048576.0:0.0} MB"));
        output.WriteLine("stage events seen: " + string.Join(", ", new[] { StageProbe.KlineReceived, StageProbe.SymbolGrain, StageProbe.SymbolTurn, StageProbe.StrategyGrain, StageProbe.StrategyTurn, StageProbe.RiskPropose, StageProbe.OrderExecute, StageProbe.OrderStateWrite, StageProbe.HttpOrderSent, StageProbe.SimOrderReceived, StageProbe.SimAlgoReceived }.Select(s => $"{s}×{probe.Count(s)}")));
        if (probe.Unmatched.Count > 0)
        {
            output.WriteLine("other grain calls seen: " + string.Join(", ", probe.Unmatched.OrderByDescending(kv => kv.Value).Take(12).Select(kv => $"{kv.Key}×{kv.Value}")));
        }

        return 0;
    }

    /// <summary>Waits until no stage event arrived for <paramref name="quiet"/> (at most 200 ms).</summary>
    internal static async Task SettleAsync(StageProbe probe, TimeSpan quiet)
    {
        var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 5);
        while (await probe.WaitAsync(quiet) && Stopwatch.GetTimestamp() < deadline)
        {
        }
    }

    /// <summary>
    /// Until every symbol ran its indicators and every strategy evaluated every snapshot of this bar (a strategy's
    /// call includes the whole entry when it proposes one), then until stop and target are placed after an entry.
    /// </summary>
    private static async Task<bool> WaitHandledAsync(StageProbe probe, MarketStepper stepper)
    {
        var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 10);
        while (probe.Count(StageProbe.SymbolGrain) < stepper.ExpectedSymbolCalls || probe.Count(StageProbe.StrategyGrain) < stepper.ExpectedStrategyCalls)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                return false;
            }

            await probe.WaitAsync(TimeSpan.FromMilliseconds(50));
        }

        // An entry is followed by its stop and target (two algo orders): let them land before the next bar.
        var algoDeadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 2);
        while (probe.Count(StageProbe.SimAlgoReceived) < 2 * probe.Count(StageProbe.SimOrderReceived) && Stopwatch.GetTimestamp() < algoDeadline)
        {
            await probe.WaitAsync(TimeSpan.FromMilliseconds(20));
        }

        await SettleAsync(probe, TimeSpan.FromMilliseconds(2));
        return true;
    }
}
