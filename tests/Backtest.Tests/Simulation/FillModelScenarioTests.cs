using TradingBot.Backtest.Simulation;
using TradingBot.Exchange.Model;
using TradingBot.Exchange.Model.Events;
using TradingBot.Exchange.Port;

namespace TradingBot.Backtest.Tests.Simulation;

/// <summary>Hand-checked fills, fees, funding and liquidation through the exchange port, with the answers worked out by hand.</summary>
public sealed class FillModelScenarioTests
{
    private static readonly FillModel s_noSlippage = new() { SlippageBps = 0 };

    [Fact]
    public async Task Market_entry_fills_at_the_next_bar_open_not_at_the_signal_bar_close()
    {
        var h = new ExchangeHarness(s_noSlippage, 100_000m, (100_000m, 100_100m, 99_900m, 100_000m), (100_500m, 100_600m, 100_400m, 100_500m));
        await h.CloseNextBarAsync();

        var order = await h.MarketAsync(OrderSide.Buy, 1m);

        order.Status.Should().Be(OrderStatus.Filled);
        order.AveragePrice.Should().Be(100_500m, "the signal bar closed at 100,000 but the first price the bot can get is the next open");
        order.UpdateTime.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(new DateTimeOffset(2025, 1, 1, 0, 1, 0, TimeSpan.Zero).ToUnixTimeMilliseconds()));
    }

    [Fact]
    public async Task Fixed_slippage_moves_the_fill_against_the_taker_and_rounds_to_the_tick()
    {
        var h = new ExchangeHarness(new FillModel { SlippageBps = 1m }, 100_000m, (100_000m, 100_100m, 99_900m, 100_000m), (100_000m, 100_100m, 99_900m, 100_000m));
        await h.CloseNextBarAsync();

        var buy = await h.MarketAsync(OrderSide.Buy, 0.5m);
        var sell = await h.MarketAsync(OrderSide.Sell, 0.5m, "exit-1", reduceOnly: true);

        buy.AveragePrice.Should().Be(100_010.0m, "100,000 × (1 + 0.0001)");
        sell.AveragePrice.Should().Be(99_990.0m, "100,000 × (1 − 0.0001)");
    }

    [Fact]
    public async Task Volatility_slippage_adds_a_fraction_of_the_signal_bar_range()
    {
        var h = new ExchangeHarness(new FillModel { SlippageBps = 0, VolatilitySlippageFraction = 0.1m }, 100_000m, (100_000m, 100_200m, 99_800m, 100_000m), (100_000m, 100_100m, 99_900m, 100_000m));
        await h.CloseNextBarAsync();

        var buy = await h.MarketAsync(OrderSide.Buy, 0.5m);

        buy.AveragePrice.Should().Be(100_040m, "0.1 × (100,200 − 99,800) = 40 above the 100,000 open");
    }

    [Fact]
    public async Task Taker_fees_are_charged_on_entry_and_exit()
    {
        var h = new ExchangeHarness(s_noSlippage, 100_000m,
            (100_000m, 100_100m, 99_900m, 100_000m),
            (100_000m, 100_050m, 99_950m, 100_000m),
            (100_000m, 102_500m, 99_950m, 102_200m));
        await h.CloseNextBarAsync();
        await h.MarketAsync(OrderSide.Buy, 1m);
        await h.ProtectAsync(OrderSide.Sell, ConditionalOrderType.StopMarket, 99_000m, "sl-1");
        await h.ProtectAsync(OrderSide.Sell, ConditionalOrderType.TakeProfitMarket, 102_000m, "tp-1");

        await h.CloseNextBarAsync();
        h.Exchange.PositionAmount(ExchangeHarness.Symbol).Should().Be(1m);
        await h.CloseNextBarAsync();

        // Entry 1 × 100,000 × 0.05 % = 50; exit at the 102,000 target: 51; realized 2,000.
        h.Exchange.PositionAmount(ExchangeHarness.Symbol).Should().Be(0m);
        h.Exchange.TotalFees.Should().Be(101m);
        h.Exchange.Wallet.Should().Be(100_000m - 50m + 2_000m - 51m);
        var flows = h.Exchange.TakeClosedFlows(ExchangeHarness.Symbol)!;
        flows.Realized.Should().Be(2_000m);
        flows.Fees.Should().Be(101m);
        flows.Net.Should().Be(1_899m);
        h.Events.OfType<OrderUpdated>().Where(o => o.Execution == ExecutionType.Trade).Select(o => o.Commission).Should().Equal(50m, 51m);
    }

    [Theory]
    [InlineData(true, 99_000, -1_000)]
    [InlineData(false, 101_000, 1_000)]
    public async Task Stop_is_taken_when_stop_and_target_are_inside_one_bar(bool stopFirst, int exitPrice, int realized)
    {
        // A red bar: by colour the path would visit the high (target) first.
        var h = new ExchangeHarness(new FillModel { SlippageBps = 0, StopBeforeTarget = stopFirst }, 100_000m,
            (100_000m, 100_100m, 99_900m, 100_000m),
            (100_000m, 100_050m, 99_950m, 100_000m),
            (100_000m, 101_500m, 98_500m, 99_800m));
        await h.CloseNextBarAsync();
        await h.MarketAsync(OrderSide.Buy, 1m);
        await h.ProtectAsync(OrderSide.Sell, ConditionalOrderType.StopMarket, 99_000m, "sl-1");
        await h.ProtectAsync(OrderSide.Sell, ConditionalOrderType.TakeProfitMarket, 101_000m, "tp-1");
        await h.CloseNextBarAsync();
        await h.CloseNextBarAsync();

        var exit = h.Events.OfType<OrderUpdated>().Last(o => o.Execution == ExecutionType.Trade);
        exit.LastFilledPrice.Should().Be(exitPrice);
        exit.ClientOrderId.Should().Be(stopFirst ? "sl-1" : "tp-1");
        h.Exchange.TakeClosedFlows(ExchangeHarness.Symbol)!.Realized.Should().Be(realized);
    }

    [Fact]
    public async Task Price_action_of_the_signal_bar_cannot_hit_the_exit()
    {
        // The signal bar dips to 98,000 (below the stop) before closing at 100,000; the fill is at the next open.
        var h = new ExchangeHarness(s_noSlippage, 100_000m,
            (100_000m, 100_100m, 98_000m, 100_000m),
            (100_000m, 100_200m, 99_500m, 100_100m));
        await h.CloseNextBarAsync();
        await h.MarketAsync(OrderSide.Buy, 1m);
        await h.ProtectAsync(OrderSide.Sell, ConditionalOrderType.StopMarket, 99_000m, "sl-1");
        await h.CloseNextBarAsync();

        h.Exchange.PositionAmount(ExchangeHarness.Symbol).Should().Be(1m);
    }

    [Fact]
    public async Task A_gap_through_the_stop_fills_at_the_gap_price()
    {
        var h = new ExchangeHarness(s_noSlippage, 100_000m,
            (100_000m, 100_100m, 99_900m, 100_000m),
            (100_000m, 100_050m, 99_950m, 100_000m),
            (98_000m, 98_500m, 97_900m, 98_200m));
        await h.CloseNextBarAsync();
        await h.MarketAsync(OrderSide.Buy, 1m);
        await h.ProtectAsync(OrderSide.Sell, ConditionalOrderType.StopMarket, 99_000m, "sl-1");
        await h.CloseNextBarAsync();
        await h.CloseNextBarAsync();

        h.Events.OfType<OrderUpdated>().Last(o => o.Execution == ExecutionType.Trade).LastFilledPrice.Should().Be(98_000m, "the bar opened below the stop");
    }

    [Theory]
    [InlineData(OrderSide.Buy, -10)]
    [InlineData(OrderSide.Sell, 10)]
    public async Task Funding_is_amount_times_mark_times_rate_longs_pay_shorts_receive(OrderSide side, int expected)
    {
        var h = new ExchangeHarness(s_noSlippage, 100_000m, (100_000m, 100_100m, 99_900m, 100_000m), (100_000m, 100_000m, 100_000m, 100_000m), (100_000m, 100_000m, 100_000m, 100_000m));
        await h.CloseNextBarAsync();
        await h.MarketAsync(side, 1m);
        await h.CloseNextBarAsync();
        var wallet = h.Exchange.Wallet;

        await h.Exchange.SettleFundingAsync(ExchangeHarness.Symbol, h.Clock.GetUtcNow().ToUnixTimeMilliseconds(), 0.0001m);

        // 1 BTC × 100,000 mark × 0.01 % = 10.
        h.Exchange.Wallet.Should().Be(wallet + expected);
        h.Exchange.TotalFunding.Should().Be(expected);
        h.Exchange.OpenFlows(ExchangeHarness.Symbol).Funding.Should().Be(expected);
        h.Events.OfType<AccountUpdated>().Last().Reason.Should().Be("FUNDING_FEE");
    }

    [Fact]
    public async Task Isolated_liquidation_at_5x_loses_the_whole_margin()
    {
        // Long 1 BTC at 100,000 with 5x isolated: margin 20,000. Liquidation where 20,000 + (p − 100,000) = 0.4 % × p,
        // i.e. p ≈ 80,321.29; the next bar trades down to 80,000.
        var h = new ExchangeHarness(s_noSlippage, 100_000m,
            (100_000m, 100_100m, 99_900m, 100_000m),
            (100_000m, 100_000m, 80_000m, 81_000m));
        await h.CloseNextBarAsync();
        await h.MarketAsync(OrderSide.Buy, 1m);
        var positions = await h.Exchange.GetPositionsAsync(ExchangeHarness.Symbol);
        positions.Single().LiquidationPrice.Should().BeApproximately(80_321.29m, 0.01m);

        await h.CloseNextBarAsync();

        h.Exchange.PositionAmount(ExchangeHarness.Symbol).Should().Be(0m);
        h.Exchange.Wallet.Should().Be(100_000m - 50m - 20_000m);
        var liquidation = h.Events.OfType<OrderUpdated>().Single(o => o.ClientOrderId.StartsWith("autoclose-", StringComparison.Ordinal));
        liquidation.Execution.Should().Be(ExecutionType.Calculated);
        h.Exchange.TakeClosedFlows(ExchangeHarness.Symbol)!.Net.Should().Be(-20_050m);
    }

    [Fact]
    public async Task No_next_bar_means_no_fill()
    {
        var h = new ExchangeHarness(s_noSlippage, 100_000m, (100_000m, 100_100m, 99_900m, 100_000m));
        await h.CloseNextBarAsync();

        var act = () => h.MarketAsync(OrderSide.Buy, 1m);

        (await act.Should().ThrowAsync<ExchangeRejectedException>()).Which.Message.Should().Contain("end of data");
    }
}
