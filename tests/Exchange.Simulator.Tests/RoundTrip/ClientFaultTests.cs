using TradingBot.Exchange.Model;
using TradingBot.Exchange.Model.Events;
using TradingBot.Exchange.Port;
using Candle = TradingBot.Exchange.Simulator.Market.Candle;
using TradingBot.Exchange.Simulator.Tests.Support;

namespace TradingBot.Exchange.Simulator.Tests.RoundTrip;

/// <summary>Each fault knob against our real client: what the client does about it.</summary>
public sealed class ClientFaultTests
{
    private static async Task<int> FillCount(ClientHarness h, string clientId)
    {
        var reply = await new RawClient(h.Sim.RestBaseUrl, h.Sim.ApiKey, h.Sim.ApiSecret, () => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())
            .Signed(HttpMethod.Get, "/fapi/v1/allOrders", "symbol=BTCUSDT");
        return reply.Body!.AsArray().Count(o => o!["clientOrderId"]!.GetValue<string>() == clientId && o["status"]!.GetValue<string>() == "FILLED");
    }

    [Theory]
    [InlineData("lost")]
    [InlineData("503")]
    [InlineData("1007")]
    [InlineData("delay")]
    public async Task Unknown_outcome_is_resolved_by_query_by_client_id_never_a_double_fill(string fault)
    {
        await using var h = await ClientHarness.StartAsync(configureClient: o => o with { RequestTimeout = TimeSpan.FromSeconds(1) });
        var faults = h.Sim.Faults;
        faults.OnlyMethod = "POST";
        faults.OnlyPath = "/fapi/v1/order";
        switch (fault)
        {
            case "lost":
                faults.DropRepliesAfterExecuting();
                break;
            case "503":
                faults.UnknownErrorAfterExecuting();
                break;
            case "1007":
                faults.TimeoutAfterExecuting();
                break;
            default:
                faults.ReplyDelay = TimeSpan.FromSeconds(1.5); // longer than the client's request timeout; executes afterwards
                break;
        }

        var id = "fault-" + fault;
        var order = await h.Client.PlaceMarketOrderAsync(new MarketOrderRequest("BTCUSDT", OrderSide.Buy, 0.010m, id));
        faults.Reset();

        order.ClientOrderId.Should().Be(id);
        order.Status.Should().Be(OrderStatus.Filled);
        (await FillCount(h, id)).Should().Be(1);
        (await h.Client.GetPositionsAsync("BTCUSDT")).Single().Quantity.Should().Be(0.010m);
    }

    [Fact]
    public async Task Rate_limit_burst_makes_the_client_wait_for_retry_after_and_succeed()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Sim.Faults.OnlyPath = "/fapi/v3/account";
        h.Sim.Faults.RateLimitBurst(1);
        var started = DateTime.UtcNow;
        var account = await h.Client.GetAccountAsync(); // the client waits for Retry-After and retries once
        account.Should().NotBeNull();
        (DateTime.UtcNow - started).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9), "Retry-After was 1 s");
        h.Client.RateLimits.Should().NotBeNull();
    }

    [Fact]
    public async Task Clock_skew_gives_minus_1021_then_the_client_resyncs_and_retries()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Sim.Faults.ClockSkew = TimeSpan.FromSeconds(-8);
        var account = await h.Client.GetAccountAsync();
        account.Should().NotBeNull();
        h.Client.ClockOffset.Should().BeCloseTo(TimeSpan.FromSeconds(-8), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Dropped_market_socket_reconnects_and_back_fills_the_missed_closed_candles_exactly()
    {
        await using var h = await ClientHarness.StartAsync();
        var log = new EventLog();
        await using var market = await h.Client.SubscribeMarketAsync(new MarketSubscription(["BTCUSDT"], [KlineInterval.OneMinute], IncludeMarkPrice: false), log.Handle);
        await h.WaitForSubscribersAsync("market");
        var pushed = new List<Candle>();
        var open = SimulatorFixture.MarketStart.AddMinutes(1);
        void Push()
        {
            var price = 50_000m + (pushed.Count * 10);
            var candle = new Candle(open.AddMinutes(pushed.Count).ToUnixTimeMilliseconds(), price, price + 25, price - 15, price + 5, 1m + pushed.Count);
            pushed.Add(candle);
            h.Sim.PushCandle("BTCUSDT", candle);
        }

        Push();
        Push();
        await log.WaitAsync(e => e.OfType<KlineClosed>().Count() == 2);

        h.Sim.Faults.DropSockets("market");
        Push();
        Push();
        Push();
        await log.WaitAsync(e => e.OfType<StreamStateChanged>().Count(s => s.State == StreamConnectionState.Connected) >= 2);
        await h.WaitForSubscribersAsync("market");
        Push();

        var events = await log.WaitAsync(e => e.OfType<KlineClosed>().Count() >= 6);
        await Task.Delay(200); // would expose duplicates delivered after the sixth
        var closed = log.Snapshot().OfType<KlineClosed>().ToList();
        closed.Select(k => (k.Kline.OpenTime.ToUnixTimeMilliseconds(), k.Kline.Open, k.Kline.High, k.Kline.Low, k.Kline.Close, k.Kline.Volume))
            .Should().Equal(pushed.Select(c => (c.OpenTime, c.Open, c.High, c.Low, c.Close, c.Volume)));
        closed.Skip(2).Take(3).Should().OnlyContain(k => k.IsBackfill);
        closed[^1].IsBackfill.Should().BeFalse();
        events.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Dropped_user_socket_reconnects_and_user_events_resume()
    {
        await using var h = await ClientHarness.StartAsync();
        var log = new EventLog();
        await using var user = await h.Client.SubscribeUserAsync(log.Handle);
        await h.WaitForSubscribersAsync("private");

        h.Sim.Faults.DropSockets("private");
        await log.WaitAsync(e => e.OfType<StreamStateChanged>().Count(s => s.State == StreamConnectionState.Connected) >= 2);
        await h.WaitForSubscribersAsync("private");
        await h.Client.PlaceMarketOrderAsync(new MarketOrderRequest("BTCUSDT", OrderSide.Buy, 0.010m, "after-drop"));

        var events = await log.WaitAsync(e => e.OfType<OrderUpdated>().Any(o => o.ClientOrderId == "after-drop" && o.Status == OrderStatus.Filled));
        events.OfType<StreamStateChanged>().Select(s => s.State).Should().Contain(StreamConnectionState.Disconnected);
    }

    [Fact]
    public async Task Duplicated_and_reordered_events_are_tolerated()
    {
        await using var h = await ClientHarness.StartAsync();
        var user = new EventLog();
        var marketLog = new EventLog();
        await using var userSub = await h.Client.SubscribeUserAsync(user.Handle);
        await using var marketSub = await h.Client.SubscribeMarketAsync(new MarketSubscription(["BTCUSDT"], [KlineInterval.OneMinute], IncludeMarkPrice: false), marketLog.Handle);
        await h.WaitForSubscribersAsync("private");
        await h.WaitForSubscribersAsync("market");
        h.Sim.Faults.DuplicateEventProbability = 0.5;
        h.Sim.Faults.ReorderEventProbability = 0.5;
        h.Sim.Faults.DuplicateMarketProbability = 1;

        for (var i = 0; i < 5; i++)
        {
            await h.Client.PlaceMarketOrderAsync(new MarketOrderRequest("BTCUSDT", i % 2 == 0 ? OrderSide.Buy : OrderSide.Sell, 0.010m, $"dup-{i}"));
            h.Sim.PushCandle("BTCUSDT", SimulatorFixture.Flat(SimulatorFixture.MarketStart.AddMinutes(1 + i), 50_000m + i));
        }

        var events = await user.WaitAsync(e => Enumerable.Range(0, 5).All(i => e.OfType<OrderUpdated>().Any(o => o.ClientOrderId == $"dup-{i}" && o.Status == OrderStatus.Filled)));
        var klines = await marketLog.WaitAsync(e => e.OfType<KlineClosed>().Count() >= 5);
        klines.OfType<KlineClosed>().Select(k => k.Kline.OpenTime).Should().OnlyHaveUniqueItems("the client drops duplicated closed candles");
        h.Client.Counters.DuplicateKlinesDropped.Should().BeGreaterThan(0);
        events.OfType<StreamStateChanged>().Should().NotContain(s => s.State == StreamConnectionState.Disconnected);
        (await h.Client.GetPositionsAsync("BTCUSDT")).Single().Quantity.Should().Be(0.010m, "REST state is the truth after any event noise");
    }
}
