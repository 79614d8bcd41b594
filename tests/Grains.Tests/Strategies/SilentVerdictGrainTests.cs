using TradingBot.Contracts.Grains;
using TradingBot.Contracts.Market;
using TradingBot.Contracts.Trading;
using TradingBot.Grains.Tests.Support;

namespace TradingBot.Grains.Tests.Strategies;

/// <summary>
/// The real StrategyGrains keep their "none" verdicts; the SignalGateGrain asks for them when it holds a bar. A
/// signal is decided at once when the others have judged its bar, and waits (without a timer) for them otherwise.
/// </summary>
public sealed class SilentVerdictGrainTests
{
    private const string Symbol = "BTCUSDT";
    private static readonly DateTimeOffset s_start = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly string[] s_strategies = ["A", "B", "C"];

    private static Candle Flat(int minute) => new(Symbol, Timeframe.M1, s_start.AddMinutes(minute), 60_000m, 60_000m, 60_000m, 60_000m, 1m);

    private static TradeSignal Signal(DateTimeOffset bar) =>
        new($"C:{Symbol}:L:{bar.ToUnixTimeMilliseconds()}", "C", Symbol, Direction.Bullish, 60_000m, 59_400m, 61_800m, 0.6, ["C-zone"], bar);

    /// <summary>Feeds flat minutes [from, to) and waits until every strategy has judged them (nothing closes a 15m bar before 12:15).</summary>
    private static async Task FeedAsync(TradingSilo silo, int from, int to)
    {
        var symbol = silo.Client.GetGrain<ISymbolGrain>(Symbol);
        for (var minute = from; minute < to; minute++)
        {
            silo.Exchange.Now = Flat(minute).CloseTime;
            await silo.Exchange.SetPrice(Symbol, 60_000m);
            await symbol.OnCandleClosedAsync(Flat(minute));
        }

        for (var i = 0; i < 500; i++)
        {
            var statuses = await Task.WhenAll(s_strategies.Select(s => silo.Client.GetGrain<IStrategyGrain>(s).GetStatusAsync()));
            if (statuses.All(s => s.BarsEvaluated >= to))
            {
                return;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"the strategies did not judge {to} minutes");
    }

    [Fact]
    public async Task A_signal_on_a_bar_the_others_judged_in_silence_is_decided_at_once()
    {
        var exchange = new MemoryExchange { Now = s_start };
        await using var silo = await TradingSilo.StartAsync(exchange);
        await FeedAsync(silo, 0, 5);
        var bar = Flat(4).CloseTime;

        var decision = await silo.Client.GetGrain<ISignalGateGrain>(Symbol).ReportAsync(new StrategyEvaluation("C", Symbol, bar, Signal(bar)));

        decision.Should().NotBeNull("A and B judged the bar without a signal; the gate learns it by asking them");
        decision!.Approved.Should().BeTrue();
        exchange.MarketOrders.Should().ContainSingle().Which.ClientOrderId.Should().StartWith($"tb-C-{Symbol}-L-");
    }

    [Fact]
    public async Task A_signal_ahead_of_the_others_waits_until_they_have_judged_its_bar()
    {
        var exchange = new MemoryExchange { Now = s_start };
        await using var silo = await TradingSilo.StartAsync(exchange);
        await FeedAsync(silo, 0, 2);
        var bar = Flat(4).CloseTime;

        var decision = await silo.Client.GetGrain<ISignalGateGrain>(Symbol).ReportAsync(new StrategyEvaluation("C", Symbol, bar, Signal(bar)));
        decision.Should().BeNull("A and B have judged up to 12:02 only");

        await FeedAsync(silo, 2, 4);
        exchange.MarketOrders.Should().BeEmpty("A and B have still not judged the bar closing at 12:05");

        // The bar closing at 12:05: A and B now send every verdict, and the last one decides.
        await FeedAsync(silo, 4, 5);
        for (var i = 0; i < 500 && exchange.MarketOrders.Count == 0; i++)
        {
            await Task.Delay(10);
        }

        exchange.MarketOrders.Should().ContainSingle().Which.ClientOrderId.Should().StartWith($"tb-C-{Symbol}-L-");
    }
}
