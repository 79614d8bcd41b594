namespace TradingBot.Silo.Tests.EndToEnd.Scripted.Scripts;

/// <summary>
/// The six scripted markets (A, B, C × take-profit, stop-loss), drawn from the rules in docs/strategies.md for
/// the causal ICT engine (docs/ict.md: swings L = 5 on 1m/15m, 3 on 1h). Prices in units of u = 0.1 % of P.
/// </summary>
internal static class Scenarios
{
    public const string Symbol = "BTCUSDT";
    public const decimal P = 60_000m;
    public const decimal U = 60m;

    /// <summary>First live minute: history before it is 26 days long, enough for 500 1h bars.</summary>
    public static readonly DateTimeOffset LiveFrom = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Buy-side pool (two equal 15m swing highs) every long aims at.</summary>
    public const decimal Target = P + (30 * U);

    public static IReadOnlyList<string> Names => ["A-take-profit", "A-stop-loss", "B-take-profit", "B-stop-loss", "C-take-profit", "C-stop-loss"];

    public static ScriptedScenario Get(string name) => name switch
    {
        "A-take-profit" => StrategyA(hitsTarget: true),
        "A-stop-loss" => StrategyA(hitsTarget: false),
        "B-take-profit" => StrategyB(hitsTarget: true),
        "B-stop-loss" => StrategyB(hitsTarget: false),
        "C-take-profit" => StrategyC(hitsTarget: true),
        "C-stop-loss" => StrategyC(hitsTarget: false),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown scenario."),
    };

    private static decimal Px(decimal units) => P + (units * U);

    /// <summary>
    /// Flat history with one 1h bump (a swing high at P+3u to break), then from 07:00 the rally that breaks it on 1h
    /// and leaves a 15m bullish gap [P+2u, P+7u], two equal 15m highs at the target with a swing low between, and
    /// the pull-back towards the gap that ends at 12:00 at P+10u.
    /// </summary>
    private static CandleScript RallyAndPullBack()
    {
        var day = LiveFrom.Date;
        var script = new CandleScript(Symbol, new DateTimeOffset(LiveFrom.Date.AddDays(-26), TimeSpan.Zero), P);
        script.FlatUntil(new DateTimeOffset(day.AddHours(1), TimeSpan.Zero))
            .Move(Px(3), 20).Move(P, 20)
            .FlatUntil(new DateTimeOffset(day.AddHours(7), TimeSpan.Zero))
            .Bar15(Px(2), P, Px(2))            // b0 07:00
            .Bar15(Px(10), Px(2), Px(10))      // b1 07:15 closes up: the middle candle of the gap
            .Bar15(Px(12), Px(7), Px(11))      // b2 07:30 low P+7u > high(b0) P+2u: bullish FVG [P+2u, P+7u]
            .Bar15(Px(14), Px(10), Px(13))     // b3 07:45; the 1h bar 07:00 closes above the bump: 1h break up
            .Bar15(Target, Px(12), Px(26))     // b4 08:00 first high at the target
            .Bar15(Px(27), Px(22), Px(23), highFirst: true)
            .Bar15(Px(24), Px(20), Px(21), highFirst: true)
            .Bar15(Px(22), Px(18), Px(19), highFirst: true)
            .Bar15(Px(20), Px(16), Px(17), highFirst: true)
            .Bar15(Px(18), Px(15), Px(17))     // b9 09:15 swing low between the two highs
            .Bar15(Px(21), Px(16), Px(20))
            .Bar15(Px(24), Px(19), Px(23))
            .Bar15(Px(27), Px(22), Px(26))
            .Bar15(Px(29), Px(25), Px(28))
            .Bar15(Target, Px(27), Px(28))     // b14 10:30 second high at the target: buy-side pool
            .Bar15(Px(28), Px(22), Px(23), highFirst: true)
            .Bar15(Px(24), Px(18), Px(19), highFirst: true)
            .Bar15(Px(20), Px(14), Px(15), highFirst: true)
            .Bar15(Px(16), Px(11), Px(12), highFirst: true)
            .Bar15(Px(13), Px(9), Px(10), highFirst: true); // b19 11:45
        return script;
    }

    /// <summary>
    /// A: 1h break up (07:00 bar), 15m gap [P+2u, P+7u] formed 07:45; live: a dip into the gap (12:04), a 1m swing
    /// high at P+9u (12:07), a higher low, and the 1m close above P+9u at 12:13 that confirms the entry.
    /// </summary>
    private static ScriptedScenario StrategyA(bool hitsTarget)
    {
        var script = RallyAndPullBack();
        script.Move(Px(7), 5)             // 12:00-12:04 trades into the gap's top
            .Move(Px(9), 3)               // 12:05-12:07 1m swing high
            .Move(Px(7.5m), 5)            // 12:08-12:12 higher low
            .Minute(Px(10), Px(7.5m), Px(9.5m)); // 12:13 closes above the swing high: 1m break up
        var trigger = script.Next;
        Tail(script, hitsTarget);
        return new ScriptedScenario(hitsTarget ? "A-take-profit" : "A-stop-loss", "A", hitsTarget, script, LiveFrom, trigger, Px(9.5m), Px(2), Target);
    }

    /// <summary>
    /// B: a 15m range from 06:00 with two equal highs at P+40u (06:30, 08:45) and two equal lows at P+15u (07:45,
    /// 10:00): a buy-side and a sell-side pool. Live from 11:30: the 15m bar wicks to P+13u and closes back at P+17u
    /// (sell-side sweep); three minutes later a 1m bullish gap [P+17.5u, P+18.5u] forms and B enters at its close.
    /// </summary>
    private static ScriptedScenario StrategyB(bool hitsTarget)
    {
        var day = LiveFrom.Date;
        var liveFrom = new DateTimeOffset(day.AddHours(11).AddMinutes(30), TimeSpan.Zero);
        var script = new CandleScript(Symbol, new DateTimeOffset(day.AddDays(-26), TimeSpan.Zero), P);
        script.FlatUntil(new DateTimeOffset(day.AddHours(6), TimeSpan.Zero))
            .Bar15(Px(20), P, Px(20))
            .Bar15(Px(30), P, Px(28))         // dips back to P: no 15m gap over the flat bars
            .Bar15(BTarget, Px(20), Px(38))   // b2 06:30 first high; its low meets b0's high: no gap either
            .Bar15(BTarget, Px(33), Px(34), highFirst: true)
            .Bar15(Px(35), Px(28), Px(29), highFirst: true)
            .Bar15(Px(30), Px(23), Px(24), highFirst: true)
            .Bar15(Px(25), Px(19), Px(20), highFirst: true)
            .Bar15(Px(20), Px(15), Px(18))    // b7 07:45 first low
            .Bar15(Px(22), Px(17), Px(21))
            .Bar15(Px(27), Px(20), Px(26))
            .Bar15(Px(33), Px(25), Px(32))
            .Bar15(BTarget, Px(31), Px(37))   // b11 08:45 second high: buy-side pool at P+40u
            .Bar15(Px(38), Px(32), Px(33), highFirst: true)
            .Bar15(Px(34), Px(27), Px(28), highFirst: true)
            .Bar15(Px(29), Px(22), Px(23), highFirst: true)
            .Bar15(Px(24), Px(18), Px(19), highFirst: true)
            .Bar15(Px(20), Px(15), Px(18))    // b16 10:00 second low: sell-side pool at P+15u once confirmed
            .Bar15(Px(20), Px(17), Px(19))
            .Bar15(Px(21), Px(18), Px(20))
            .Bar15(Px(21), Px(18), Px(19), highFirst: true)
            .Bar15(Px(20), Px(17), Px(18), highFirst: true)
            .Bar15(Px(19), Px(16.5m), Px(17), highFirst: true) // b21 11:15; its close confirms the second low
            .Bar15(Px(18), Px(13), Px(17))    // b22 11:30 live: wick below the pool, close back inside: the sweep
            .Minute(Px(17.5m), Px(16.5m), Px(17.2m))
            .Minute(Px(20.5m), Px(17.2m), Px(20))
            .Minute(Px(21), Px(18.5m), Px(20.5m)); // 11:47 low above the high of 11:45: bullish 1m gap
        var trigger = script.Next;
        Tail(script, hitsTarget, BTarget);
        return new ScriptedScenario(hitsTarget ? "B-take-profit" : "B-stop-loss", "B", hitsTarget, script, liveFrom, trigger, Px(20.5m), Px(13), BTarget);
    }

    /// <summary>
    /// C: the rally of A (1h trend up, 15m gap [P+2u, P+7u], pool at the target). Live: two equal 1m lows at P+8u
    /// (12:04, 12:14), a 1m bar that wicks to P+7u into the gap and closes back above them (12:20, the sell-side
    /// sweep), and the 15m bar 12:15 closing up at P+9u: C enters at 12:30.
    /// </summary>
    private static ScriptedScenario StrategyC(bool hitsTarget)
    {
        var script = RallyAndPullBack();
        script.Move(Px(8), 5)             // 12:00-12:04 first 1m low
            .Move(Px(9), 5)               // 12:05-12:09
            .Move(Px(8), 5)               // 12:10-12:14 second 1m low: sell-side pool
            .Move(Px(8.5m), 5)            // 12:15-12:19 confirms it
            .Minute(Px(8.5m), Px(7), Px(8.2m)) // 12:20 sweep, and the 15m bar trades into the gap
            .Move(Px(9), 9);              // 12:21-12:29 the 15m bar closes up
        var trigger = script.Next;
        Tail(script, hitsTarget);
        return new ScriptedScenario(hitsTarget ? "C-take-profit" : "C-stop-loss", "C", hitsTarget, script, LiveFrom, trigger, Px(9), Px(2), Target);
    }

    /// <summary>
    /// C's market with a stronger last minute: the 12:29 minute closes at P+9.5u, above the 1m swing high at P+9u
    /// (A's trigger, the gap touched at 12:20), and so does the 15m bar 12:15 (C's trigger). Both fire on the bar
    /// closing at 12:30; the priority decides. Not an exit scenario: it ends at the trigger.
    /// </summary>
    public static ScriptedScenario AAndCOnTheSameBar()
    {
        var script = RallyAndPullBack();
        script.Move(Px(8), 5)
            .Move(Px(9), 5)
            .Move(Px(8), 5)
            .Move(Px(8.5m), 5)
            .Minute(Px(8.5m), Px(7), Px(8.2m))
            .Move(Px(8.8m), 8)
            .Minute(Px(9.6m), Px(8.8m), Px(9.5m)); // 12:29 closes above P+9u: 1m break up, and the 15m bar closes up
        return new ScriptedScenario("A-and-C-same-bar", "A", HitsTarget: true, script, LiveFrom, script.Next, Px(9.5m), Px(2), Target);
    }

    /// <summary>B's buy-side pool.</summary>
    private static decimal BTarget => Px(40);

    /// <summary>After the entry: up through the target, or down through the stop.</summary>
    private static void Tail(CandleScript script, bool hitsTarget, decimal target = Target)
    {
        script.Flat(2);
        if (hitsTarget)
        {
            script.Move(target + (3 * U), 24).Flat(5);
        }
        else
        {
            script.Move(P - (3 * U), 15).Flat(5);
        }
    }
}
