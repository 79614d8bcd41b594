using System.Globalization;

namespace TradingBot.Silo.Bench;

/// <summary>Turns each bar's stage events into per-stage distributions (ms, relative to the closing klines' push).</summary>
internal sealed class LatencyReport
{
    private readonly Dictionary<string, Distribution> _bar = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Distribution> _entry = new(StringComparer.Ordinal);

    public int Bars { get; private set; }

    /// <summary>Closed kline pushed → entry order received by the simulator, one value per entry.</summary>
    public Distribution Entries { get; } = new();

    public void Add(long sentAt, List<StageEvent> events)
    {
        Bars++;
        var klines = Of(events, StageProbe.KlineReceived);
        var symbolTurns = Of(events, StageProbe.SymbolTurn);
        var symbolsDone = Of(events, StageProbe.SymbolGrain);
        var strategyTurns = Of(events, StageProbe.StrategyTurn);
        var strategiesDone = Of(events, StageProbe.StrategyGrain);
        var orders = Of(events, StageProbe.SimOrderReceived);
        foreach (var k in klines)
        {
            Bar("a kline pushed → client frame received (each symbol)").Add(StageProbe.Ms(sentAt, k.Start));
            Bar("b client: parse + sequencer + gateway publish (each)").Add(StageProbe.Ms(k.Start, k.End));
        }

        // The runtime records a mailbox wait only for turns that had to wait, so these rows cover those turns only.
        foreach (var t in symbolTurns)
        {
            Bar("c SymbolGrain turn: wait in mailbox (turns that waited)").Add(StageProbe.Ms(t.Start, t.End));
        }

        if (klines.Count > 0 && symbolsDone.Count > 0)
        {
            Bar("d first kline handed to the grains → first symbol's indicators out").Add(StageProbe.Ms(klines.Min(k => k.End), symbolsDone.Min(s => s.End)));
        }

        if (symbolsDone.Count > 0)
        {
            Bar("e kline pushed → indicators published, last symbol").Add(StageProbe.Ms(sentAt, symbolsDone.Max(s => s.End)));
        }

        foreach (var t in strategyTurns)
        {
            Bar("f StrategyGrain turn: wait in mailbox (turns that waited)").Add(StageProbe.Ms(t.Start, t.End));
        }

        if (orders.Count == 0)
        {
            if (strategiesDone.Count > 0)
            {
                Bar("g kline pushed → all strategies evaluated (bars without entry)").Add(StageProbe.Ms(sentAt, strategiesDone.Max(s => s.End)));
            }

            return;
        }

        // One chain per bar is attributable; a second entry in the same bar is counted for the headline only.
        foreach (var o in orders)
        {
            Entries.Add(StageProbe.Ms(sentAt, o.Start));
        }

        AddEntryChain(sentAt, events, klines, symbolsDone, strategyTurns, orders[0]);
    }

    private void AddEntryChain(long sentAt, List<StageEvent> events, List<StageEvent> klines, List<StageEvent> symbolsDone, List<StageEvent> strategyTurns, StageEvent order)
    {
        var risk = Of(events, StageProbe.RiskPropose).FirstOrDefault(r => r.Start <= order.Start && r.End >= order.Start);
        var execute = Of(events, StageProbe.OrderExecute).FirstOrDefault(r => r.Start <= order.Start && r.End >= order.Start);
        var http = Of(events, StageProbe.HttpOrderSent).LastOrDefault(h => h.Start <= order.Start);
        var write = Of(events, StageProbe.OrderStateWrite).FirstOrDefault(w => execute.Start != 0 && w.Start >= execute.Start && w.End <= order.Start);
        var indicators = symbolsDone.LastOrDefault(s => risk.Start != 0 && s.End <= risk.Start);
        var kline = klines.Count > 0 ? klines[0] : default;
        var missing = risk.Start == 0 ? "ProposeAsync" : execute.Start == 0 ? "ExecuteAsync" : http.Start == 0 ? "HTTP send" : indicators.Start == 0 ? "indicators" : kline.Start == 0 ? "kline frame" : null;
        if (missing is not null)
        {
            Entry($"(entries whose chain could not be matched: no {missing})").Add(StageProbe.Ms(sentAt, order.Start));
            return;
        }

        // A strategy turn is only recorded when it waited in the mailbox; otherwise it started when the indicators came out.
        var turn = strategyTurns.LastOrDefault(t => t.End >= indicators.End && t.End <= risk.Start);
        var strategyStart = turn.Start == 0 ? indicators.End : turn.End;
        Entry("1 kline pushed → client frame received (first symbol)").Add(StageProbe.Ms(sentAt, kline.Start));
        Entry("2 → indicators published by the entry's SymbolGrain").Add(StageProbe.Ms(kline.Start, indicators.End));
        Entry("3 → StrategyGrain turn starts (mailbox wait)").Add(StageProbe.Ms(indicators.End, strategyStart));
        Entry("4 → RiskGrain.ProposeAsync starts (rule evaluation)").Add(StageProbe.Ms(strategyStart, risk.Start));
        Entry("5 → OrderGrain.ExecuteAsync starts (risk checks + sizing)").Add(StageProbe.Ms(risk.Start, execute.Start));
        Entry("6 → HttpClient POST /fapi/v1/order starts").Add(StageProbe.Ms(execute.Start, http.Start));
        Entry("6a   of which: order intent written to SQLite").Add(write.Start == 0 ? double.NaN : StageProbe.Ms(write.Start, write.End));
        Entry("7 → simulator receives the order").Add(StageProbe.Ms(http.Start, order.Start));
        Entry("= kline pushed → entry order received (matched chains)").Add(StageProbe.Ms(sentAt, order.Start));
    }

    public void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine(Distribution.Header("closed kline pushed → ENTRY ORDER received by simulator (ms)"));
        output.WriteLine(Entries.Row("all entries"));
        output.WriteLine();
        output.WriteLine(Distribution.Header("entry chain, stage by stage (ms)"));
        foreach (var (label, d) in _entry.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            output.WriteLine(d.Row(label));
        }

        output.WriteLine();
        output.WriteLine(Distribution.Header("every bar (ms)"));
        foreach (var (label, d) in _bar.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            output.WriteLine(d.Row(label));
        }
    }

    private static List<StageEvent> Of(List<StageEvent> events, string stage) =>
        events.Where(e => e.Stage == stage).OrderBy(e => e.Start).ToList();

    private Distribution Bar(string label) => Get(_bar, label);

    private Distribution Entry(string label) => Get(_entry, label);

    private static Distribution Get(Dictionary<string, Distribution> map, string label)
    {
        if (!map.TryGetValue(label, out var d))
        {
            d = new Distribution();
            map[label] = d;
        }

        return d;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Bars} bars, {Entries.Count} entries");
}
