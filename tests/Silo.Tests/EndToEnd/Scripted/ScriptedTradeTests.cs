using TradingBot.Contracts.Trading;
using TradingBot.Exchange.Simulator.Matching;
using TradingBot.Silo.Tests.EndToEnd.Scripted.Scripts;
using Xunit.Abstractions;

namespace TradingBot.Silo.Tests.EndToEnd.Scripted;

/// <summary>
/// Each strategy on its own scripted market, with all three strategies switched on, the real silo, the real Binance
/// client and the loopback simulator over HTTP and WebSocket: the intended strategy enters at the scripted bar, its
/// stop and target rest on the exchange as closePosition algo orders at the signal's levels, and the exit at the
/// target (or stop) is journaled with the PnL and fees computed here by hand and booked by the exchange.
/// </summary>
public sealed class ScriptedTradeTests(ITestOutputHelper output)
{
    private const decimal Tick = 0.1m;
    private const decimal Step = 0.001m;
    private const decimal TakerFee = 0.0005m;
    private const decimal StartingBalance = 10_000m;

    public static TheoryData<string> Names() => [.. Scenarios.Names];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task The_strategy_enters_is_protected_and_exits_with_the_hand_computed_pnl(string name)
    {
        var scenario = Scenarios.Get(name);
        await using var market = await ScriptedMarket.StartAsync(scenario);
        await using var silo = await ScriptedSilo.StartAsync(market);
        market.Wallet.Should().Be(StartingBalance);

        // Hand computation (docs/strategies.md, PositionSizer's rules): stop rounded away from the entry to the tick,
        // 2 % of the balance at risk, quantity floored to the step; exits fill at their trigger (no slippage configured).
        var stop = Math.Floor(scenario.SignalStop / Tick) * Tick;
        var target = scenario.Target;
        var quantity = Math.Floor(StartingBalance * 0.02m / (scenario.Entry - stop) / Step) * Step;
        var exit = scenario.HitsTarget ? target : stop;
        var fees = (scenario.Entry + exit) * quantity * TakerFee;
        var expectedPnl = ((exit - scenario.Entry) * quantity) - fees;

        var live = scenario.Live.ToList();
        var trigger = live.FindIndex(m => m.CloseTime == scenario.TriggerClose);
        for (var i = 0; i <= trigger; i++)
        {
            market.Replay(live[i]);
            await silo.WaitProcessedAsync(scenario.Symbol, live[i].OpenTime);
        }

        await Eventually.Async(() => Task.FromResult(market.AlgoOrders.Count(a => a.Status == AlgoStatus.New) == 2), "the stop and the target on the exchange");
        var entry = market.Orders.Should().ContainSingle("one entry, nothing else before the exit").Subject;
        entry.ClientOrderId.Should().Be($"tb-{scenario.Strategy}-{scenario.Symbol}-L-{scenario.TriggerClose.ToUnixTimeSeconds()}-e");
        entry.Side.Should().Be(Side.Buy);
        entry.AvgPrice.Should().Be(scenario.Entry);
        entry.ExecutedQty.Should().Be(quantity);
        var protection = market.AlgoOrders;
        protection.Should().AllSatisfy(a => a.ClosePosition.Should().BeTrue());
        protection.Single(a => a.Type == AlgoOrderType.StopMarket).TriggerPrice.Should().Be(stop);
        protection.Single(a => a.Type == AlgoOrderType.TakeProfitMarket).TriggerPrice.Should().Be(target);

        for (var i = trigger + 1; i < live.Count && silo.Journal.Count("trades") == 0; i++)
        {
            market.Replay(live[i]);
            await silo.WaitProcessedAsync(scenario.Symbol, live[i].OpenTime);
        }

        await Eventually.Async(() => Task.FromResult(silo.Journal.Count("trades") == 1), "the exit journaled");
        var trade = silo.Journal.RecentTrades(10).Should().ContainSingle().Subject;
        output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{scenario.Name}: entry {scenario.Entry} qty {quantity} stop {stop} target {target} exit {exit}; hand: fees {fees} net {expectedPnl}; journal: fees {trade.Fees} net {trade.RealizedPnl} ({trade.ExitReason}); wallet change {market.Wallet - StartingBalance}"));
        trade.Strategy.Should().Be(scenario.Strategy);
        trade.ExitReason.Should().Be(scenario.HitsTarget ? ExitReason.TakeProfit : ExitReason.StopLoss);
        trade.EntryPrice.Should().Be(scenario.Entry);
        trade.ExitPrice.Should().Be(exit, "the level that closed it");
        trade.Quantity.Should().Be(quantity);
        trade.Fees.Should().Be(fees);
        trade.RealizedPnl.Should().Be(expectedPnl);
        market.Wallet.Should().Be(StartingBalance + expectedPnl, "the exchange booked the same net PnL");
        market.Fills.Sum(f => f.Commission).Should().Be(fees);
        market.Orders.Should().HaveCount(2, "the entry and the triggered exit, no other order");
    }
}
