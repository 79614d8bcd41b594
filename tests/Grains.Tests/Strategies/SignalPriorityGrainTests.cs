using TradingBot.Contracts.Grains;
using TradingBot.Contracts.Market;
using TradingBot.Contracts.Trading;
using TradingBot.Grains.Tests.Support;
using TradingBot.Silo.Tests.EndToEnd.Scripted.Scripts;

namespace TradingBot.Grains.Tests.Strategies;

/// <summary>
/// Strategies A and C fire for the same symbol on the same bar (B silent) on the real grains: whatever order their
/// verdicts reach the SignalGateGrain in, A's signal is the one that reaches the RiskGrain and the exchange.
/// </summary>
public sealed class SignalPriorityGrainTests
{
    private static readonly DateTimeOffset s_bar = new(2025, 6, 1, 10, 15, 0, TimeSpan.Zero);

    public static TheoryData<string[]> ArrivalOrders() => new() { { ["C", "A", "B"] }, { ["A", "C", "B"] }, { ["B", "C", "A"] }, { ["C", "B", "A"] } };

    private static TradeSignal Signal(string strategy, double confidence) =>
        new($"{strategy}:BTCUSDT:L:{s_bar.ToUnixTimeMilliseconds()}", strategy, "BTCUSDT", Direction.Bullish, 60_000m, 59_400m, 61_800m, confidence, [$"{strategy}-zone"], s_bar);

    [Theory]
    [MemberData(nameof(ArrivalOrders))]
    public async Task The_higher_priority_strategy_enters_whatever_the_arrival_order(string[] arrival)
    {
        var exchange = new MemoryExchange { Now = s_bar };
        await exchange.SetPrice("BTCUSDT", 60_000m);
        await using var silo = await TradingSilo.StartAsync(exchange);
        var gate = silo.Client.GetGrain<ISignalGateGrain>("BTCUSDT");
        var verdicts = new Dictionary<string, TradeSignal?> { ["A"] = Signal("A", 0.7), ["B"] = null, ["C"] = Signal("C", 0.8) };

        var decisions = new List<RiskDecision?>();
        foreach (var strategy in arrival)
        {
            exchange.MarketOrders.Should().BeEmpty("nothing goes on before every started strategy has reported the bar");
            decisions.Add(await gate.ReportAsync(new StrategyEvaluation(strategy, "BTCUSDT", s_bar, verdicts[strategy])));
        }

        decisions.Take(2).Should().AllSatisfy(d => d.Should().BeNull());
        decisions[^1]!.Approved.Should().BeTrue();
        exchange.MarketOrders.Should().ContainSingle().Which.ClientOrderId.Should().StartWith("tb-A-BTCUSDT-L-");
        (await silo.Client.GetGrain<IRiskGrain>(AccountKeys.Main).GetStatusAsync()).OpenPositions.Should().Be(1);
        silo.Journal.Count("signals").Should().Be(2, "A approved and C recorded as superseded, never refused by the risk grain");
    }

    [Theory]
    [InlineData(null, "A")]
    [InlineData("C,A,B", "C")]
    public async Task Strategy_grains_firing_on_the_same_bar_enter_once_with_the_configured_priority(string? priority, string winner)
    {
        var scenario = Scenarios.AAndCOnTheSameBar();
        var exchange = new MemoryExchange { Now = scenario.LiveFrom };
        exchange.History[scenario.Symbol] = scenario.History.ToList();
        await exchange.SetPrice(scenario.Symbol, exchange.History[scenario.Symbol][^1].Close);
        var settings = priority is null ? null : new Dictionary<string, string?> { ["Trading:Strategy:Priority"] = priority };
        await using var silo = await TradingSilo.StartAsync(exchange, settings: settings);
        var symbol = silo.Client.GetGrain<ISymbolGrain>(scenario.Symbol);

        foreach (var candle in scenario.Live)
        {
            exchange.Now = candle.CloseTime;
            await exchange.SetPrice(scenario.Symbol, candle.Close);
            await symbol.OnCandleClosedAsync(candle);
        }

        for (var i = 0; i < 200 && (exchange.MarketOrders.Count == 0 || silo.Journal.Count("signals") < 2); i++)
        {
            await Task.Delay(25);
        }

        exchange.MarketOrders.Should().ContainSingle().Which.ClientOrderId.Should().Be($"tb-{winner}-{scenario.Symbol}-L-{scenario.TriggerClose.ToUnixTimeSeconds()}-e");
        silo.Journal.Count("signals").Should().Be(2, "the winner approved, the other superseded (not refused by the risk grain)");
    }
}
