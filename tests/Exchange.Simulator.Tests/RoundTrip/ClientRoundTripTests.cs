using TradingBot.Exchange.Model;
using TradingBot.Exchange.Model.Events;
using TradingBot.Exchange.Port;
using TradingBot.Exchange.Simulator.Tests.Support;

namespace TradingBot.Exchange.Simulator.Tests.RoundTrip;

public sealed class ClientRoundTripTests
{
    [Fact]
    public async Task Market_order_fills_and_the_events_reach_the_client_user_stream()
    {
        await using var h = await ClientHarness.StartAsync();
        var log = new EventLog();
        await using var user = await h.Client.SubscribeUserAsync(log.Handle);
        await h.WaitForSubscribersAsync("private");

        var order = await h.Client.PlaceMarketOrderAsync(new MarketOrderRequest("BTCUSDT", OrderSide.Buy, 0.010m, "rt-entry-1"));
        order.ClientOrderId.Should().Be("rt-entry-1");

        var events = await log.WaitAsync(e => e.OfType<AccountUpdated>().Any());
        var updates = events.OfType<OrderUpdated>().ToList();
        updates.Select(u => (u.Execution, u.Status)).Should().Equal((ExecutionType.New, OrderStatus.New), (ExecutionType.Trade, OrderStatus.Filled));
        updates[1].LastFilledPrice.Should().Be(50_000m);
        updates[1].Commission.Should().Be(0.25m);
        events.OfType<AccountUpdated>().Single().Positions.Single().Quantity.Should().Be(0.010m);

        var position = (await h.Client.GetPositionsAsync("BTCUSDT")).Should().ContainSingle().Subject;
        (await h.Client.GetOrderAsync("BTCUSDT", "rt-entry-1"))!.Status.Should().Be(OrderStatus.Filled);
        (await h.Client.GetOrderAsync("BTCUSDT", "never-sent")).Should().BeNull();
        (await h.Client.CancelOrderAsync("BTCUSDT", "rt-entry-1")).Should().BeNull("a filled order cannot be cancelled (-2011)");
        (await h.Client.GetBalancesAsync()).Should().Contain(b => b.Asset == "USDT");
        (await h.Client.GetAccountAsync()).Should().NotBeNull();
        (await h.Client.GetCommissionRateAsync("BTCUSDT")).Taker.Should().Be(0.0005m);
        position.Should().NotBeNull();
    }

    [Fact]
    public async Task Algo_stop_triggers_on_the_simulated_path_and_the_client_sees_trigger_child_fill_and_finish()
    {
        await using var h = await ClientHarness.StartAsync();
        var log = new EventLog();
        await using var user = await h.Client.SubscribeUserAsync(log.Handle);
        await h.WaitForSubscribersAsync("private");
        await h.Client.PlaceMarketOrderAsync(new MarketOrderRequest("BTCUSDT", OrderSide.Buy, 0.010m, "rt-entry-2"));
        var stop = await h.Client.PlaceConditionalOrderAsync(new ConditionalOrderRequest("BTCUSDT", OrderSide.Sell, ConditionalOrderType.StopMarket, 49_500m, "rt-sl-2", ClosePosition: true));
        stop.Status.Should().Be(AlgoOrderStatus.New);
        (await h.Client.GetOpenAlgoOrdersAsync("BTCUSDT")).Should().ContainSingle(a => a.ClientAlgoId == "rt-sl-2");

        h.Sim.PushCandle("BTCUSDT", new(SimulatorFixture.MarketStart.AddMinutes(1).ToUnixTimeMilliseconds(), 50_000m, 50_100m, 49_200m, 49_900m, 5m));

        var events = await log.WaitAsync(e => e.OfType<AlgoOrderUpdated>().Any(a => a.Status == AlgoOrderStatus.Finished));
        var algo = events.OfType<AlgoOrderUpdated>().ToList();
        algo.Select(a => a.Status).Should().ContainInOrder(AlgoOrderStatus.New, AlgoOrderStatus.Triggering, AlgoOrderStatus.Triggered, AlgoOrderStatus.Finished);
        var childId = algo.Single(a => a.Status == AlgoOrderStatus.Triggered).ChildOrderId;
        events.OfType<OrderUpdated>().Should().Contain(o => o.OrderId == childId && o.Status == OrderStatus.Filled && o.LastFilledPrice == 49_500m);
        var finished = await h.Client.GetAlgoOrderAsync("BTCUSDT", "rt-sl-2");
        finished!.Status.Should().Be(AlgoOrderStatus.Finished);
        finished.ActualQuantity.Should().Be(0.010m);
        (await h.Client.GetPositionsAsync("BTCUSDT")).Should().BeEmpty();
        (await h.Client.GetAlgoOrderHistoryAsync(new AlgoOrderHistoryQuery("BTCUSDT"))).Should().Contain(a => a.ClientAlgoId == "rt-sl-2");
    }

    [Fact]
    public async Task Cancel_and_configuration_calls_round_trip()
    {
        await using var h = await ClientHarness.StartAsync();
        await h.Client.PlaceMarketOrderAsync(new MarketOrderRequest("ETHUSDT", OrderSide.Sell, 0.020m, "rt-short"));
        await h.Client.PlaceConditionalOrderAsync(new ConditionalOrderRequest("ETHUSDT", OrderSide.Buy, ConditionalOrderType.StopMarket, 2_100m, "rt-sl-3", Quantity: 0.020m, ReduceOnly: true));
        await h.Client.PlaceConditionalOrderAsync(new ConditionalOrderRequest("ETHUSDT", OrderSide.Buy, ConditionalOrderType.TakeProfitMarket, 1_900m, "rt-tp-3", ClosePosition: true));
        (await h.Client.CancelAlgoOrderAsync("ETHUSDT", "rt-sl-3")).Should().BeTrue();
        (await h.Client.GetOpenAlgoOrdersAsync()).Select(a => a.ClientAlgoId).Should().Equal("rt-tp-3");
        var all = await h.Client.CancelAllOrdersAsync("ETHUSDT");
        all.AlgoOrdersCancelled.Should().BeTrue();
        (await h.Client.GetOpenAlgoOrdersAsync("ETHUSDT")).Should().BeEmpty();
        (await h.Client.GetOpenOrdersAsync()).Should().BeEmpty();

        (await h.Client.SetLeverageAsync("BTCUSDT", 5)).Leverage.Should().Be(5);
        (await h.Client.SetMarginTypeAsync("BTCUSDT", MarginType.Crossed)).Should().Be(ConfigChangeOutcome.AlreadySet);
        (await h.Client.SetMarginTypeAsync("BTCUSDT", MarginType.Isolated)).Should().Be(ConfigChangeOutcome.Changed);
        (await h.Client.SetPositionModeAsync(false)).Should().Be(ConfigChangeOutcome.AlreadySet);
        var rules = await h.Client.GetInstrumentAsync("BTCUSDT");
        rules.Should().NotBeNull();
        (await h.Client.GetMarkPriceAsync("BTCUSDT")).Should().NotBeNull();
        var serverTime = await h.Client.GetServerTimeAsync();
        serverTime.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Listen_key_expiry_makes_the_client_create_a_new_key_and_resume_events()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var h = await ClientHarness.StartAsync(clock: clock);
        var log = new EventLog();
        await using var user = await h.Client.SubscribeUserAsync(log.Handle);
        await h.WaitForSubscribersAsync("private");
        await h.Client.PlaceMarketOrderAsync(new MarketOrderRequest("BTCUSDT", OrderSide.Buy, 0.010m, "lk-1"));
        await log.WaitAsync(e => e.OfType<AccountUpdated>().Any());

        clock.Advance(TimeSpan.FromMinutes(61));
        h.Sim.Venue.ExpireListenKeys();
        await log.WaitAsync(e => e.OfType<ListenKeyExpired>().Any());

        // The client must reconnect with a fresh key; retry the probe until its events flow again.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        var n = 0;
        while (true)
        {
            var id = $"lk-probe-{n++}";
            await h.Client.PlaceMarketOrderAsync(new MarketOrderRequest("BTCUSDT", OrderSide.Buy, 0.010m, id));
            try
            {
                await log.WaitAsync(e => e.OfType<OrderUpdated>().Any(o => o.ClientOrderId == id), TimeSpan.FromMilliseconds(500));
                break;
            }
            catch (TimeoutException) when (DateTime.UtcNow < deadline)
            {
                // Not reconnected yet.
            }
        }

        log.Snapshot().OfType<ListenKeyExpired>().Should().ContainSingle();
    }

    [Fact]
    public async Task Mark_price_and_kline_streams_reach_the_client()
    {
        await using var h = await ClientHarness.StartAsync();
        var log = new EventLog();
        await using var market = await h.Client.SubscribeMarketAsync(MarketSubscription.Default("BTCUSDT"), log.Handle);
        await h.WaitForSubscribersAsync("market", 4);
        h.Sim.PushCandle("BTCUSDT", new(SimulatorFixture.MarketStart.AddMinutes(1).ToUnixTimeMilliseconds(), 50_000m, 50_300m, 49_900m, 50_200m, 3m));

        var events = await log.WaitAsync(e => e.OfType<KlineClosed>().Any() && e.OfType<MarkPriceUpdated>().Any());
        var kline = events.OfType<KlineClosed>().Single().Kline;
        (kline.Interval, kline.Open, kline.High, kline.Low, kline.Close, kline.IsClosed).Should().Be((KlineInterval.OneMinute, 50_000m, 50_300m, 49_900m, 50_200m, true));
        events.OfType<MarkPriceUpdated>().Should().OnlyContain(m => m.Mark.Symbol == "BTCUSDT");
    }

    [SharedDataFact]
    public async Task Klines_page_through_replayed_history_exactly()
    {
        var start = new DateTimeOffset(2025, 6, 10, 0, 0, 0, TimeSpan.Zero);
        await using var h = await ClientHarness.StartAsync(
            o => o with { DataPaths = [SharedData.Data("BTCUSDT-1m-futures-20250505-20250623.csv.gz")], Symbols = ["BTCUSDT"], Start = start },
            pushStartBars: false);
        h.Sim.Venue.AdvanceMarketTo(start.AddDays(2).AddSeconds(10));

        var from = start.AddDays(-3);
        var klines = await h.Client.GetKlinesAsync(new KlineQuery("BTCUSDT", KlineInterval.OneMinute, from));
        var expected = h.Sim.Venue.Klines("BTCUSDT", TimeSpan.FromMinutes(1), from.ToUnixTimeMilliseconds(), start.AddDays(2).ToUnixTimeMilliseconds(), 100_000);
        klines.Should().HaveCount(expected.Count).And.HaveCountGreaterThan(7000);
        klines.Select(k => (k.OpenTime.ToUnixTimeMilliseconds(), k.Open, k.High, k.Low, k.Close, k.Volume))
            .Should().Equal(expected.Select(c => (c.OpenTime, c.Open, c.High, c.Low, c.Close, c.Volume)));
        klines.Should().OnlyContain(k => k.IsClosed);

        var hours = await h.Client.GetKlinesAsync(new KlineQuery("BTCUSDT", KlineInterval.OneHour, from, MaxCount: 10));
        hours.Should().HaveCount(10);
        hours[1].OpenTime.Should().Be(from.AddHours(1));
    }
}
