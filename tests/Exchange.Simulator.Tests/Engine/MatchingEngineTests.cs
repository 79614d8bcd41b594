using TradingBot.Exchange.Simulator.Market;
using TradingBot.Exchange.Simulator.Matching;
using static TradingBot.Exchange.Simulator.Tests.Engine.EngineFixture;

namespace TradingBot.Exchange.Simulator.Tests.Engine;

public sealed class MatchingEngineTests
{
    [Fact]
    public void Market_buy_fills_at_last_with_taker_fee_and_emits_new_trade_account()
    {
        var engine = Create();
        var order = engine.PlaceOrder(Key, new NewOrder("BTCUSDT", Side.Buy, OrderType.Market, 0.01m, ClientOrderId: "e1"));

        order.Status.Should().Be(OrderStatus.Filled);
        order.AvgPrice.Should().Be(50_000m);
        engine.Balance(Key).WalletBalance.Should().Be(10_000m - (0.01m * 50_000m * 0.0005m));
        var events = engine.DrainEvents();
        events.Select(Describe).Should().Equal(
            $"ORDER {order.OrderId} New New", $"ORDER {order.OrderId} Trade Filled", "ACCOUNT ORDER");
        var trade = (OrderTradeUpdate)events[1];
        trade.Commission.Should().Be(0.25m);
        trade.Maker.Should().BeFalse();
        engine.Positions(Key, "BTCUSDT").Single().PositionAmt.Should().Be(0.01m);
    }

    [Fact]
    public void Market_orders_slip_away_from_the_taker_by_the_configured_fraction_rounded_to_tick()
    {
        var engine = Create(new EngineOptions { MarketSlippage = 0.001m }, btc: 50_000.05m);
        var buy = engine.PlaceOrder(Key, new NewOrder("BTCUSDT", Side.Buy, OrderType.Market, 0.01m));
        var sell = engine.PlaceOrder(Key, new NewOrder("BTCUSDT", Side.Sell, OrderType.Market, 0.01m));

        buy.AvgPrice.Should().Be(50_050.1m);   // 50050.05005 rounded up to 0.1
        sell.AvgPrice.Should().Be(49_950.0m);  // 49950.04995 rounded down
        engine.UserTrades(Key, "BTCUSDT", null, null, null, null, 10).Last().RealizedPnl.Should().Be(0.01m * (49_950.0m - 50_050.1m));
    }

    [Fact]
    public void Resting_limit_fills_at_its_price_with_maker_fee_when_the_path_crosses()
    {
        var engine = Create();
        var order = engine.PlaceOrder(Key, new NewOrder("BTCUSDT", Side.Buy, OrderType.Limit, 0.01m, 49_000m));
        order.Status.Should().Be(OrderStatus.New);

        engine.AdvanceTo("BTCUSDT", T0.AddSeconds(10), 48_000m, continuous: true);

        var filled = engine.QueryOrder(Key, "BTCUSDT", order.OrderId, null);
        filled.Status.Should().Be(OrderStatus.Filled);
        filled.AvgPrice.Should().Be(49_000m);
        var trade = engine.UserTrades(Key, "BTCUSDT", order.OrderId, null, null, null, 10).Single();
        trade.Maker.Should().BeTrue();
        trade.Commission.Should().Be(0.01m * 49_000m * 0.0002m);
    }

    [Fact]
    public void Reduce_only_is_rejected_when_flat_or_increasing_and_clipped_to_the_position()
    {
        var engine = Create();
        var flat = () => engine.PlaceOrder(Key, new NewOrder("BTCUSDT", Side.Sell, OrderType.Market, 0.01m, ReduceOnly: true));
        flat.Should().Throw<ExchangeRejectedException>().Which.Code.Should().Be(-2022);

        engine.PlaceOrder(Key, new NewOrder("BTCUSDT", Side.Buy, OrderType.Market, 0.01m));
        var increase = () => engine.PlaceOrder(Key, new NewOrder("BTCUSDT", Side.Buy, OrderType.Market, 0.01m, ReduceOnly: true));
        increase.Should().Throw<ExchangeRejectedException>().Which.Code.Should().Be(-2022);

        var close = engine.PlaceOrder(Key, new NewOrder("BTCUSDT", Side.Sell, OrderType.Market, 0.05m, ReduceOnly: true));
        close.ExecutedQty.Should().Be(0.01m);
        engine.Positions(Key, "BTCUSDT").Should().BeEmpty();
    }

    [Theory]
    [InlineData(0.0001, null, -1111)]
    [InlineData(0.0015, null, -1111)]
    [InlineData(0, null, -4003)]
    [InlineData(0.001, null, -4164)]
    [InlineData(0.01, 50_000.05, -1111)]
    [InlineData(200, null, -4005)]
    public void Filters_reject_with_binance_codes(double qty, double? price, int code)
    {
        var engine = Create();
        var type = price is null ? OrderType.Market : OrderType.Limit;
        var act = () => engine.PlaceOrder(Key, new NewOrder("BTCUSDT", Side.Buy, type, (decimal)qty, (decimal?)price));
        act.Should().Throw<ExchangeRejectedException>().Which.Code.Should().Be(code);
    }

    [Fact]
    public void Tick_step_duplicate_and_margin_rules()
    {
        var engine = Create(balance: 100m);
        engine.Invoking(e => e.PlaceOrder(Key, new NewOrder("ETHUSDT", Side.Buy, OrderType.Limit, 0.01m, 1_999.999m)))
            .Should().Throw<ExchangeRejectedException>().Which.Code.Should().Be(-1111);
        engine.PlaceOrder(Key, new NewOrder("ETHUSDT", Side.Buy, OrderType.Limit, 0.02m, 1_950m, ClientOrderId: "dup"));
        engine.Invoking(e => e.PlaceOrder(Key, new NewOrder("ETHUSDT", Side.Buy, OrderType.Limit, 0.02m, 1_950m, ClientOrderId: "dup")))
            .Should().Throw<ExchangeRejectedException>().Which.Code.Should().Be(-4116);
        engine.Invoking(e => e.PlaceOrder(Key, new NewOrder("BTCUSDT", Side.Buy, OrderType.Market, 1m)))
            .Should().Throw<ExchangeRejectedException>().Which.Code.Should().Be(-2019);
        engine.Invoking(e => e.PlaceOrder(Key, new NewOrder("BTCUSDT", Side.Buy, OrderType.Market, 0.01m, ClientOrderId: "bad id!")))
            .Should().Throw<ExchangeRejectedException>().Which.Code.Should().Be(-4015);
    }

    [Fact]
    public void Stop_that_would_immediately_trigger_is_rejected()
    {
        var engine = Create();
        var act = () => engine.PlaceAlgoOrder(Key, new NewAlgoOrder("BTCUSDT", Side.Sell, AlgoOrderType.StopMarket, 50_100m, 0.01m));
        act.Should().Throw<ExchangeRejectedException>().Which.Code.Should().Be(-2021);
    }

    [Fact]
    public void Stop_inside_a_candle_triggers_on_the_intrabar_path_at_its_trigger_price()
    {
        var engine = Create();
        engine.PlaceOrder(Key, new NewOrder("BTCUSDT", Side.Buy, OrderType.Market, 0.01m));
        var stop = engine.PlaceAlgoOrder(Key, new NewAlgoOrder("BTCUSDT", Side.Sell, AlgoOrderType.StopMarket, 49_500m, ClosePosition: true, WorkingType: WorkingType.MarkPrice));

        // Green candle: open→low→high→close; the low pierces the stop although the close is far above it.
        engine.ApplyCandle("BTCUSDT", new Candle(T0.AddMinutes(1).ToUnixTimeMilliseconds(), 50_000m, 50_900m, 49_000m, 50_800m, 10m), TimeSpan.FromMinutes(1));

        var finished = engine.QueryAlgoOrder(Key, stop.AlgoId, null);
        finished.Status.Should().Be(AlgoStatus.Finished);
        finished.ActualPrice.Should().Be(49_500m);
        finished.ActualQty.Should().Be(0.01m);
        engine.Positions(Key, "BTCUSDT").Should().BeEmpty();
    }

    [Fact]
    public void Close_position_uses_the_size_at_trigger_time_and_expires_the_child_when_flat()
    {
        var engine = Create();
        engine.PlaceOrder(Key, new NewOrder("BTCUSDT", Side.Buy, OrderType.Market, 0.01m));
        var stop = engine.PlaceAlgoOrder(Key, new NewAlgoOrder("BTCUSDT", Side.Sell, AlgoOrderType.StopMarket, 49_000m, ClosePosition: true));
        engine.PlaceOrder(Key, new NewOrder("BTCUSDT", Side.Buy, OrderType.Market, 0.02m));
        engine.AdvanceTo("BTCUSDT", T0.AddMinutes(1), 48_000m);
        engine.QueryAlgoOrder(Key, stop.AlgoId, null).ActualQty.Should().Be(0.03m);

        var flatStop = engine.PlaceAlgoOrder(Key, new NewAlgoOrder("BTCUSDT", Side.Sell, AlgoOrderType.StopMarket, 47_000m, ClosePosition: true));
        engine.DrainEvents();
        engine.AdvanceTo("BTCUSDT", T0.AddMinutes(2), 46_000m);
        var algo = engine.QueryAlgoOrder(Key, flatStop.AlgoId, null);
        algo.Status.Should().Be(AlgoStatus.Finished);
        engine.QueryOrder(Key, "BTCUSDT", algo.ActualOrderId, null).Status.Should().Be(OrderStatus.Expired);
    }

    [Theory]
    [InlineData(false, "ALGO Triggering", "ALGO Triggered", "NEW", "TRADE", "ACCOUNT ORDER", "ALGO Finished")]
    [InlineData(true, "ALGO Triggering", "NEW", "TRADE", "ACCOUNT ORDER", "ALGO Triggered", "ALGO Finished")]
    public void Trigger_event_sequence_follows_the_switch(bool childFirst, params string[] expected)
    {
        var engine = Create(new EngineOptions { ChildFillBeforeTriggered = childFirst });
        engine.PlaceOrder(Key, new NewOrder("BTCUSDT", Side.Buy, OrderType.Market, 0.01m));
        var stop = engine.PlaceAlgoOrder(Key, new NewAlgoOrder("BTCUSDT", Side.Sell, AlgoOrderType.StopMarket, 49_000m, 0.01m, ReduceOnly: true, ClientAlgoId: "sl-1"));
        engine.DrainEvents();
        engine.AdvanceTo("BTCUSDT", T0.AddMinutes(1), 48_900m);

        var events = engine.DrainEvents();
        events.Select(e => e switch
        {
            OrderTradeUpdate o => o.Execution == ExecutionType.New ? "NEW" : "TRADE",
            _ => Describe(e),
        }).Should().Equal(expected);
        var triggered = events.OfType<AlgoUpdate>().Single(a => a.Algo.Status == AlgoStatus.Triggered).Algo;
        var child = events.OfType<OrderTradeUpdate>().First().Order;
        triggered.ActualOrderId.Should().Be(child.OrderId);
        triggered.AlgoId.Should().Be(stop.AlgoId);
        child.Type.Should().Be(OrderType.Market);
        events.OfType<OrderTradeUpdate>().Single(o => o.Execution == ExecutionType.Trade).LastFilledPrice.Should().Be(48_900m);
    }

    [Fact]
    public void Funding_every_8h_charges_longs_when_the_rate_is_positive()
    {
        var engine = Create(new EngineOptions { FundingRate = 0.0001m });
        engine.PlaceOrder(Key, new NewOrder("BTCUSDT", Side.Buy, OrderType.Market, 0.1m));
        var before = engine.Balance(Key).WalletBalance;
        engine.DrainEvents();

        engine.AdvanceTo("BTCUSDT", new DateTimeOffset(2025, 5, 5, 8, 0, 1, TimeSpan.Zero), 51_000m);

        var funding = engine.DrainEvents().OfType<AccountUpdate>().Single(a => a.Reason == "FUNDING_FEE");
        funding.BalanceChange.Should().Be(-0.1m * 50_000m * 0.0001m);  // settled at the mark before the move
        funding.FundingSymbol.Should().Be("BTCUSDT");
        funding.Positions.Should().BeEmpty("cross-margin funding carries only the balance");
        engine.Balance(Key).WalletBalance.Should().Be(before - 0.5m);
        engine.FundingHistory.Should().Contain(f => f.Symbol == "BTCUSDT" && f.FundingTime == new DateTimeOffset(2025, 5, 5, 8, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds());
    }

    [Fact]
    public void Isolated_position_is_liquidated_with_an_autoclose_order_when_margin_falls_to_maintenance()
    {
        var engine = Create();
        engine.SetMarginType(Key, "BTCUSDT", MarginType.Isolated);
        engine.SetLeverage(Key, "BTCUSDT", 10);
        engine.PlaceOrder(Key, new NewOrder("BTCUSDT", Side.Buy, OrderType.Market, 0.1m));
        var position = engine.Positions(Key, "BTCUSDT").Single();
        position.IsolatedWallet.Should().Be(500m);
        position.LiquidationPrice.Should().BeApproximately(45_180.72m, 0.01m);
        var wallet = engine.Balance(Key).WalletBalance;
        engine.DrainEvents();

        engine.AdvanceTo("BTCUSDT", T0.AddMinutes(1), 45_300m);
        engine.Positions(Key, "BTCUSDT").Should().ContainSingle();
        engine.AdvanceTo("BTCUSDT", T0.AddMinutes(2), 45_100m);

        engine.Positions(Key, "BTCUSDT").Should().BeEmpty();
        var liquidation = engine.DrainEvents().OfType<OrderTradeUpdate>().Single();
        liquidation.Execution.Should().Be(ExecutionType.Calculated);
        liquidation.Order.ClientOrderId.Should().StartWith("autoclose-");
        engine.Balance(Key).WalletBalance.Should().Be(wallet - 500m);
    }

    [Fact]
    public void Cross_positions_are_liquidated_when_cross_equity_reaches_maintenance()
    {
        var engine = Create(balance: 1_000m);
        engine.SetLeverage(Key, "BTCUSDT", 20);
        engine.PlaceOrder(Key, new NewOrder("BTCUSDT", Side.Buy, OrderType.Market, 0.3m));   // 15000 notional on ~1000 equity
        engine.DrainEvents();
        engine.AdvanceTo("BTCUSDT", T0.AddMinutes(1), 47_000m);
        engine.Positions(Key, "BTCUSDT").Should().ContainSingle("equity 1000 − 7.5 fee − 900 = 92.5 > maintenance 56.4");
        engine.AdvanceTo("BTCUSDT", T0.AddMinutes(2), 46_800m);

        engine.Positions(Key, "BTCUSDT").Should().BeEmpty();
        var liquidation = engine.DrainEvents().OfType<OrderTradeUpdate>().Single();
        liquidation.Execution.Should().Be(ExecutionType.Calculated);
        liquidation.Order.ClientOrderId.Should().StartWith("autoclose-");
        engine.Balance(Key).WalletBalance.Should().Be(1_000m - 7.5m - (0.3m * 3_200m));
    }

    [Fact]
    public void Config_changes_follow_binance_preconditions()
    {
        var engine = Create();
        engine.Invoking(e => e.SetMarginType(Key, "BTCUSDT", MarginType.Crossed)).Should().Throw<ExchangeRejectedException>().Which.Code.Should().Be(-4046);
        engine.Invoking(e => e.SetDualSidePosition(Key, false)).Should().Throw<ExchangeRejectedException>().Which.Code.Should().Be(-4059);
        engine.PlaceOrder(Key, new NewOrder("BTCUSDT", Side.Buy, OrderType.Market, 0.01m));
        engine.Invoking(e => e.SetMarginType(Key, "BTCUSDT", MarginType.Isolated)).Should().Throw<ExchangeRejectedException>().Which.Code.Should().Be(-4048);
        engine.Invoking(e => e.SetLeverage(Key, "BTCUSDT", 126)).Should().Throw<ExchangeRejectedException>();
        engine.SetLeverage(Key, "BTCUSDT", 5).Leverage.Should().Be(5);
        engine.DrainEvents().Should().ContainSingle(e => e is AccountConfigUpdate);
    }

    [Fact]
    public void Cancel_emits_canceled_and_unknown_cancel_is_minus_2011()
    {
        var engine = Create();
        var order = engine.PlaceOrder(Key, new NewOrder("BTCUSDT", Side.Buy, OrderType.Limit, 0.01m, 48_000m, ClientOrderId: "c1"));
        engine.CancelOrder(Key, "BTCUSDT", null, "c1").Status.Should().Be(OrderStatus.Canceled);
        engine.Invoking(e => e.CancelOrder(Key, "BTCUSDT", order.OrderId, null)).Should().Throw<ExchangeRejectedException>().Which.Code.Should().Be(-2011);
        engine.Invoking(e => e.QueryOrder(Key, "BTCUSDT", 1, null)).Should().Throw<ExchangeRejectedException>().Which.Code.Should().Be(-2013);
        engine.DrainEvents().Last().Should().BeOfType<OrderTradeUpdate>().Which.Execution.Should().Be(ExecutionType.Canceled);
    }
}
