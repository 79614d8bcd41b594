using TradingBot.Exchange.Simulator.Matching;
using static TradingBot.Exchange.Simulator.Tests.Engine.EngineFixture;

namespace TradingBot.Exchange.Simulator.Tests.Engine;

public sealed class OrderTypeTests
{
    [Fact]
    public void Ioc_fok_and_gtx_follow_their_time_in_force()
    {
        var engine = Create();
        engine.PlaceOrder(Key, new NewOrder("BTCUSDT", Side.Buy, OrderType.Limit, 0.01m, 49_000m, TimeInForce.Ioc)).Status.Should().Be(OrderStatus.Expired);
        engine.Invoking(e => e.PlaceOrder(Key, new NewOrder("BTCUSDT", Side.Buy, OrderType.Limit, 0.01m, 49_000m, TimeInForce.Fok)))
            .Should().Throw<ExchangeRejectedException>().Which.Code.Should().Be(-5021);
        var crossing = engine.PlaceOrder(Key, new NewOrder("BTCUSDT", Side.Buy, OrderType.Limit, 0.01m, 51_000m, TimeInForce.Ioc));
        crossing.Status.Should().Be(OrderStatus.Filled);
        crossing.AvgPrice.Should().Be(50_000m, "a crossing limit takes the better (last) price");
        engine.UserTrades(Key, "BTCUSDT", crossing.OrderId, null, null, null, 10).Single().Maker.Should().BeFalse();
        engine.PlaceOrder(Key, new NewOrder("BTCUSDT", Side.Buy, OrderType.Limit, 0.01m, 49_000m, TimeInForce.Gtx)).Status.Should().Be(OrderStatus.New);
    }

    [Fact]
    public void Stop_limit_algo_places_a_resting_limit_child_that_fills_later_and_then_finishes()
    {
        var engine = Create();
        engine.PlaceOrder(Key, new NewOrder("BTCUSDT", Side.Buy, OrderType.Market, 0.01m));
        var stop = engine.PlaceAlgoOrder(Key, new NewAlgoOrder("BTCUSDT", Side.Sell, AlgoOrderType.Stop, 49_000m, 0.01m, Price: 49_100m, ReduceOnly: true));
        engine.AdvanceTo("BTCUSDT", T0.AddMinutes(1), 48_900m);

        var triggered = engine.QueryAlgoOrder(Key, stop.AlgoId, null);
        triggered.Status.Should().Be(AlgoStatus.Triggered);
        var child = engine.QueryOrder(Key, "BTCUSDT", triggered.ActualOrderId, null);
        child.Type.Should().Be(OrderType.Limit);
        child.Status.Should().Be(OrderStatus.New);

        // A sell limit above the market rests until the price comes back up to it.
        engine.AdvanceTo("BTCUSDT", T0.AddMinutes(2), 49_200m, continuous: true);
        engine.QueryOrder(Key, "BTCUSDT", child.OrderId, null).AvgPrice.Should().Be(49_100m);
        engine.QueryAlgoOrder(Key, stop.AlgoId, null).Status.Should().Be(AlgoStatus.Finished);
        engine.Positions(Key, "BTCUSDT").Should().BeEmpty();
    }

    [Fact]
    public void Several_levels_crossed_in_one_continuous_move_execute_in_crossing_order()
    {
        var engine = Create();
        engine.PlaceOrder(Key, new NewOrder("BTCUSDT", Side.Buy, OrderType.Market, 0.03m));
        var tp1 = engine.PlaceAlgoOrder(Key, new NewAlgoOrder("BTCUSDT", Side.Sell, AlgoOrderType.TakeProfitMarket, 50_500m, 0.01m, ReduceOnly: true));
        var tp2 = engine.PlaceAlgoOrder(Key, new NewAlgoOrder("BTCUSDT", Side.Sell, AlgoOrderType.TakeProfitMarket, 50_300m, 0.01m, ReduceOnly: true));
        var limit = engine.PlaceOrder(Key, new NewOrder("BTCUSDT", Side.Sell, OrderType.Limit, 0.01m, 50_400m, ReduceOnly: true));
        engine.DrainEvents();

        engine.AdvanceTo("BTCUSDT", T0.AddMinutes(1), 51_000m, continuous: true);

        var fills = engine.DrainEvents().OfType<OrderTradeUpdate>().Where(o => o.Execution == ExecutionType.Trade).Select(o => o.LastFilledPrice).ToList();
        fills.Should().Equal(50_300m, 50_400m, 50_500m);
        engine.QueryAlgoOrder(Key, tp1.AlgoId, null).Status.Should().Be(AlgoStatus.Finished);
        engine.QueryAlgoOrder(Key, tp2.AlgoId, null).Status.Should().Be(AlgoStatus.Finished);
        engine.QueryOrder(Key, "BTCUSDT", limit.OrderId, null).Status.Should().Be(OrderStatus.Filled);
        engine.Positions(Key, "BTCUSDT").Should().BeEmpty();
    }
}
