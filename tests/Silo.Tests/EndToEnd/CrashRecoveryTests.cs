using TradingBot.Exchange.Model;
using Xunit.Abstractions;

namespace TradingBot.Silo.Tests.EndToEnd;

/// <summary>
/// The silo process is killed (SIGKILL) the moment its own strategy's position exists on the exchange,
/// then restarted on the same data folder: the position is recognised, its stop and target are live exactly
/// once, no order is sent twice, and trading resumes.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_silo_killed_with_an_open_position_recovers_it_protected_without_duplicate_orders()
    {
        var start = new DateTimeOffset(2025, 5, 27, 3, 0, 0, TimeSpan.Zero);
        await using var exchange = await ExchangeUnderTest.StartAsync(start);
        var work = Directory.CreateTempSubdirectory("silo-crash-").FullName;
        var apiKey = exchange.Simulator.ApiKey;

        using (var first = ChildSilo.Start(work, exchange.Url))
        {
            await Eventually.Async(async () => (await first.TradingAsync())?.GetProperty("reconciled").GetBoolean() == true, "first start-up", TimeSpan.FromSeconds(60));

            // Replay minute by minute until the bot's own strategies have opened a position, then crash it at once,
            // before it necessarily had time to place its protection.
            var market = start;
            var steps = 0;
            while (exchange.Simulator.Venue.Run(e => e.Positions(apiKey, null, includeOpenOrderSymbols: false)).All(p => p.PositionAmt == 0))
            {
                steps.Should().BeLessThan(2_000, "a strategy should enter within the replayed window");
                market = market.AddMinutes(1);
                exchange.Simulator.Venue.AdvanceMarketTo(market);
                steps++;
                await Task.Delay(25);
            }

            first.Kill();
            output.WriteLine($"position opened after {steps} replayed minutes; killed at market time {market:u}");
        }

        var ordersAtCrash = exchange.Simulator.Venue.Run(e => e.AllOrders(apiKey, null, null, null, null, 1000).Count);
        var positionAtCrash = (await exchange.Truth.GetPositionsAsync()).Single();
        output.WriteLine($"at the crash: {positionAtCrash.Symbol} {positionAtCrash.Quantity}, {ordersAtCrash} orders, {(await exchange.Truth.GetOpenAlgoOrdersAsync()).Count} protective orders");

        using var second = ChildSilo.Start(work, exchange.Url);
        await Eventually.Async(async () => (await second.TradingAsync())?.GetProperty("reconciled").GetBoolean() == true, "restart and reconciliation", TimeSpan.FromSeconds(60));

        var position = (await exchange.Truth.GetPositionsAsync()).Single();
        position.Symbol.Should().Be(positionAtCrash.Symbol);
        position.Quantity.Should().Be(positionAtCrash.Quantity, "the position was neither closed nor doubled");
        await Eventually.Async(async () => (await exchange.Truth.GetOpenAlgoOrdersAsync(position.Symbol)).Count == 2, "stop and target live after the restart");
        var protection = await exchange.Truth.GetOpenAlgoOrdersAsync(position.Symbol);
        protection.Should().ContainSingle(a => a.Type == OrderType.StopMarket && a.ClosePosition);
        protection.Should().ContainSingle(a => a.Type == OrderType.TakeProfitMarket && a.ClosePosition);
        exchange.Simulator.Venue.Run(e => e.AllOrders(apiKey, null, null, null, null, 1000).Count).Should().Be(ordersAtCrash, "no entry or close was sent again");
        (await second.TradingAsync())!.Value.GetProperty("openPositions").GetInt32().Should().Be(1);
    }
}
