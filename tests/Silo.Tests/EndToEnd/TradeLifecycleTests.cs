using TradingBot.Contracts.Market;
using TradingBot.Contracts.Trading;
using TradingBot.Exchange.Model;

namespace TradingBot.Silo.Tests.EndToEnd;

/// <summary>
/// The silo, the real Binance client and the loopback simulator over real HTTP and WebSocket: entries get
/// their stop and target on the exchange, exits are recorded with the PnL and fees the exchange booked.
/// </summary>
public sealed class TradeLifecycleTests
{
    private static readonly DateTimeOffset s_start = new(2025, 5, 27, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Take_profit_and_stop_loss_close_with_the_pnl_and_fees_the_exchange_booked()
    {
        await using var exchange = await ExchangeUnderTest.StartAsync(s_start);
        await using var silo = await InProcessSilo.StartAsync(exchange, new Dictionary<string, string?> { ["Trading:Strategies:0"] = "A", ["Trading:Risk:MaxOpenPositions"] = "2" });
        var wallet0 = (await exchange.Truth.GetAccountAsync()).TotalWalletBalance;

        (await silo.ProposeAsync(exchange, "BTCUSDT", Direction.Bullish, s_start)).Should().Match<TradingBot.Contracts.Grains.RiskDecision>(d => d.Approved);
        (await silo.ProposeAsync(exchange, "ETHUSDT", Direction.Bearish, s_start)).Approved.Should().BeTrue();
        await Eventually.Async(async () => (await exchange.Truth.GetOpenAlgoOrdersAsync()).Count == 4, "a stop and a target per position");
        var protection = await exchange.Truth.GetOpenAlgoOrdersAsync();
        protection.Should().AllSatisfy(a => a.ClosePosition.Should().BeTrue());
        protection.Count(a => a.Type == OrderType.StopMarket).Should().Be(2);
        protection.Count(a => a.Type == OrderType.TakeProfitMarket).Should().Be(2);

        // BTC runs up through its target; ETH (short) runs up through its stop.
        exchange.PushPrice("BTCUSDT", exchange.LastPrice("BTCUSDT") * 1.04m);
        exchange.PushPrice("ETHUSDT", exchange.LastPrice("ETHUSDT") * 1.02m);
        await Eventually.Async(() => Task.FromResult(silo.Journal.Count("trades") == 2), "both trades recorded");

        var trades = silo.Journal.RecentTrades(10);
        trades.Single(t => t.Symbol == "BTCUSDT").ExitReason.Should().Be(ExitReason.TakeProfit);
        trades.Single(t => t.Symbol == "ETHUSDT").ExitReason.Should().Be(ExitReason.StopLoss);

        // positionRisk (v3) also lists a flat symbol while it still has an open order, e.g. the bracket's other leg.
        (await exchange.Truth.GetPositionsAsync()).Where(p => p.Quantity != 0).Should().BeEmpty("both positions are closed");
        await Eventually.Async(async () => (await exchange.Truth.GetOpenAlgoOrdersAsync()).Count == 0, "the other leg of each bracket cancelled");

        var wallet1 = (await exchange.Truth.GetAccountAsync()).TotalWalletBalance;
        trades.Sum(t => t.RealizedPnl).Should().BeApproximately(wallet1 - wallet0, 0.0001m, "recorded net PnL must equal what the exchange booked, fees included");
        trades.Should().AllSatisfy(t => t.Fees.Should().BePositive());
    }

    [Fact]
    public async Task Emergency_stop_flattens_everything_on_the_exchange_and_blocks_entries()
    {
        await using var exchange = await ExchangeUnderTest.StartAsync(s_start);
        await using var silo = await InProcessSilo.StartAsync(exchange, new Dictionary<string, string?> { ["Trading:Risk:MaxOpenPositions"] = "2" });
        (await silo.ProposeAsync(exchange, "BTCUSDT", Direction.Bullish, s_start)).Should().Match<TradingBot.Contracts.Grains.RiskDecision>(d => d.Approved);
        (await silo.ProposeAsync(exchange, "ETHUSDT", Direction.Bullish, s_start)).Approved.Should().BeTrue();
        (await exchange.Truth.GetPositionsAsync()).Should().HaveCount(2);

        var closed = await silo.Risk.EmergencyStopAsync("e2e test");

        closed.Should().Be(2);
        (await exchange.Truth.GetPositionsAsync()).Should().BeEmpty();
        (await exchange.Truth.GetOpenAlgoOrdersAsync()).Should().BeEmpty();
        (await exchange.Truth.GetOpenOrdersAsync()).Should().BeEmpty();
        await Eventually.Async(() => Task.FromResult(silo.Journal.Count("trades") == 2), "both closes recorded");
        silo.Journal.RecentTrades(10).Should().AllSatisfy(t => t.ExitReason.Should().Be(ExitReason.EmergencyStop));
        var next = await silo.ProposeAsync(exchange, "BTCUSDT", Direction.Bullish, s_start);
        next.Approved.Should().BeFalse();
        next.Rule.Should().Be("emergency-stop");
    }

    [Fact]
    public async Task Daily_loss_limit_blocks_the_next_entry()
    {
        await using var exchange = await ExchangeUnderTest.StartAsync(s_start);
        await using var silo = await InProcessSilo.StartAsync(exchange, new Dictionary<string, string?>
        {
            ["Trading:Risk:RiskPerTrade"] = "0.04",
            ["Trading:Risk:DailyLossLimit"] = "0.06",
        });

        for (var loss = 0; loss < 2; loss++)
        {
            (await silo.ProposeAsync(exchange, "BTCUSDT", Direction.Bullish, s_start)).Should().Match<TradingBot.Contracts.Grains.RiskDecision>(d => d.Approved);
            exchange.PushPrice("BTCUSDT", exchange.LastPrice("BTCUSDT") * 0.985m);
            var expected = loss + 1;
            await Eventually.Async(() => Task.FromResult(silo.Journal.Count("trades") == expected), $"stop-out {expected} recorded");
            await Eventually.Async(async () => (await silo.Risk.GetStatusAsync()).OpenPositions == 0, "the risk grain saw the close");
        }

        var status = await silo.Risk.GetStatusAsync();
        status.DailyLimitReached.Should().BeTrue($"two 4 % stop-outs lose more than 6 % (lost {-status.DailyRealizedPnl} of {status.DayStartBalance})");
        var next = await silo.ProposeAsync(exchange, "BTCUSDT", Direction.Bullish, s_start);
        next.Approved.Should().BeFalse();
        next.Rule.Should().Be("daily-loss-limit");
        (await exchange.Truth.GetPositionsAsync()).Should().BeEmpty();
    }
}
