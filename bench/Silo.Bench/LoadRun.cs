using System.Diagnostics;
using System.Globalization;

namespace TradingBot.Silo.Bench;

/// <summary>
/// <c>load</c>: 5 symbols × 1m/15m/1h kline streams + mark price at a multiple (default 10×) of Binance's message
/// rate, while bars close at a fixed pace without waiting for the bot. Measures kline → indicators → strategies →
/// entry order under that traffic, late bars, lost messages and CPU.
/// </summary>
internal static class LoadRun
{
    public sealed record Options(int Symbols, double Multiplier, int Seconds, int StepMs, int WarmupSeconds, DateTimeOffset Start);

    private sealed record PendingBar(long SentAt, long SymbolTarget, long StrategyTarget);

    public static async Task<int> RunAsync(Options options, TextWriter output)
    {
        var candles = DerivedCandles.Prepare(options.Symbols, output);
        using var siloConsole = SiloConsole.Redirect("load");
        output.WriteLine($"the silo's own console log goes to {siloConsole.Path}");
        var symbols = DerivedCandles.Symbols(options.Symbols);
        using var probe = new StageProbe();
        await using var rig = await BenchRig.StartAsync(candles, symbols, options.Start, BenchSettings.ManyEntries());
        var stepper = new MarketStepper(rig.Simulator, symbols.Count, strategies: 3, options.Start);
        using var flood = new MarketFlood(rig.Simulator, symbols, options.Multiplier);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load: {symbols.Count} symbols × 1m/15m/1h klines + mark price at {options.Multiplier}× Binance ({flood.TargetRate:0} msg/s extra), a bar closes every {options.StepMs} ms, {options.Seconds} s (+{options.WarmupSeconds} s warm-up)"));
        // One settled bar first: learn how many consumers the indicator streams have (strategies, dashboard...).
        stepper.PreClose();
        stepper.Close();
        await Task.Delay(TimeSpan.FromSeconds(1));
        await LatencyRun.SettleAsync(probe, TimeSpan.FromMilliseconds(200));
        output.WriteLine($"indicator stream consumers per snapshot: {stepper.Calibrate(probe.Count(StageProbe.StrategyGrain))}");
        probe.Drain();
        flood.Start();

        var indicators = new Distribution();
        var strategies = new Distribution();
        var entries = new Distribution();
        var pending = new Queue<PendingBar>();
        var bars = new List<PendingBar>();
        long symbolsDone = probe.Count(StageProbe.SymbolGrain), strategiesDone = probe.Count(StageProbe.StrategyGrain);
        var lateBars = 0;
        var process = Process.GetCurrentProcess();
        var counters = rig.ClientCounters;
        var measuring = false;
        long cpuStart = 0, framesStart = 0, openStart = 0, floodKlinesStart = 0, floodMarksStart = 0, reconnectsStart = 0, backfillStart = 0, closedStart = 0, expectedClosedStart = 0;
        var wall = Stopwatch.StartNew();
        var measureFrom = TimeSpan.FromSeconds(options.WarmupSeconds);
        var end = measureFrom + TimeSpan.FromSeconds(options.Seconds);
        var nextStep = TimeSpan.Zero;
        while (wall.Elapsed < end)
        {
            if (!measuring && wall.Elapsed >= measureFrom)
            {
                measuring = true;
                process.Refresh();
                cpuStart = (long)process.TotalProcessorTime.TotalMilliseconds;
                framesStart = counters?.FramesReceived ?? 0;
                openStart = counters?.OpenKlinesIgnored ?? 0;
                reconnectsStart = counters?.Reconnects ?? 0;
                backfillStart = counters?.BackfilledKlines ?? 0;
                floodKlinesStart = flood.KlinesSent;
                floodMarksStart = flood.MarksSent;
                closedStart = probe.Count(StageProbe.KlineReceived);
                expectedClosedStart = stepper.ExpectedSymbolCalls;
                measureFrom = wall.Elapsed;
            }

            if (wall.Elapsed >= nextStep)
            {
                if (pending.Count > 0)
                {
                    lateBars += measuring ? 1 : 0;
                }

                stepper.PreClose();
                var sentAt = stepper.Close();
                var bar = new PendingBar(sentAt, stepper.ExpectedSymbolCalls, stepper.ExpectedStrategyCalls);
                pending.Enqueue(bar);
                if (measuring)
                {
                    bars.Add(bar);
                }

                nextStep += TimeSpan.FromMilliseconds(options.StepMs);
            }

            await probe.WaitAsync(TimeSpan.FromMilliseconds(5));
            foreach (var e in probe.Drain().OrderBy(e => e.End))
            {
                switch (e.Stage)
                {
                    case StageProbe.SymbolGrain:
                        symbolsDone++;
                        foreach (var b in pending.Where(b => b.SymbolTarget == symbolsDone && bars.Contains(b)))
                        {
                            indicators.Add(StageProbe.Ms(b.SentAt, e.End));
                        }

                        break;
                    case StageProbe.StrategyGrain:
                        strategiesDone++;
                        while (pending.TryPeek(out var head) && head.StrategyTarget <= strategiesDone)
                        {
                            pending.Dequeue();
                            if (bars.Contains(head))
                            {
                                strategies.Add(StageProbe.Ms(head.SentAt, e.End));
                            }
                        }

                        break;
                    case StageProbe.SimOrderReceived when measuring:
                        var cause = bars.LastOrDefault(b => b.SentAt <= e.Start);
                        if (cause is not null)
                        {
                            entries.Add(StageProbe.Ms(cause.SentAt, e.Start));
                        }

                        break;
                }
            }
        }

        var measured = wall.Elapsed - measureFrom;
        process.Refresh();
        var cpuMs = (long)process.TotalProcessorTime.TotalMilliseconds - cpuStart;
        flood.Dispose();
        var seconds = measured.TotalSeconds;
        var floodKlines = flood.KlinesSent - floodKlinesStart;
        var floodMarks = flood.MarksSent - floodMarksStart;
        var frames = (counters?.FramesReceived ?? 0) - framesStart;
        var openIgnored = (counters?.OpenKlinesIgnored ?? 0) - openStart;
        var expectedClosed = stepper.ExpectedSymbolCalls - expectedClosedStart;
        var closed = probe.Count(StageProbe.KlineReceived) - closedStart;

        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"measured {seconds:0.0} s: {bars.Count} bars closed ({bars.Count * symbols.Count} closed 1m klines), late bars (previous one not fully handled when the next closed): {lateBars}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"flood sent: {floodKlines} open-kline + {floodMarks} mark messages = {(floodKlines + floodMarks) / seconds:0} msg/s; client frames received: {frames} ({frames / seconds:0}/s), open klines seen and ignored: {openIgnored} (≥ flood klines {floodKlines}: {(openIgnored >= floodKlines ? "none lost" : "LOST " + (floodKlines - openIgnored))})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"closed 1m klines delivered to the bot: {closed} of {expectedClosed}; reconnects: {(counters?.Reconnects ?? 0) - reconnectsStart}; back-filled klines: {(counters?.BackfilledKlines ?? 0) - backfillStart}; handler errors: {counters?.HandlerErrors ?? 0}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CPU (whole process: simulator + flood + silo): {cpuMs / 1000.0:0.0} s over {seconds:0.0} s = {cpuMs / 10.0 / seconds:0}% of one core, {cpuMs / 10.0 / seconds / Environment.ProcessorCount:0}% of {Environment.ProcessorCount} cores"));
        output.WriteLine();
        output.WriteLine(Distribution.Header("under load (ms from the closing klines' push)"));
        output.WriteLine(indicators.Row("kline → indicators published (last symbol)"));
        output.WriteLine(strategies.Row("kline → all strategies evaluated (incl. any entry)"));
        output.WriteLine(entries.Row("kline → entry order received by the simulator"));
        return 0;
    }
}
