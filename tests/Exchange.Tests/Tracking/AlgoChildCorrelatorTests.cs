using TradingBot.Exchange.Model;
using TradingBot.Exchange.Model.Events;
using TradingBot.Exchange.Tracking;

namespace TradingBot.Exchange.Tests.Tracking;

public sealed class AlgoChildCorrelatorTests
{
    private static readonly DateTimeOffset s_t = DateTimeOffset.FromUnixTimeMilliseconds(1765431097037);

    private static AlgoOrderUpdated Algo(AlgoOrderStatus status, long? child) => new(
        s_t, s_t, "tb-sl-1", 1000000033225453, "CONDITIONAL", OrderType.StopMarket, "BTCUSDT", OrderSide.Sell, PositionSide.Both,
        0.01m, status, child, 0, 0, child is null ? null : "MARKET", 58000m, 0, WorkingType.MarkPrice, false, false, true, null, null);

    private static OrderUpdated Order(long id, ExecutionType x, OrderStatus status) => new(
        s_t, s_t, "BTCUSDT", "autogen", OrderSide.Sell, OrderType.Market, OrderType.Market, "GTC", 0.01m, 0, 57990m, 0, x, status, id,
        0.01m, 0.01m, 57990m, "USDT", 0.29m, s_t, 1, false, true, WorkingType.ContractPrice, PositionSide.Both, false, -20m, null);

    [Fact]
    public void Child_fill_before_triggered_is_linked_when_triggered_arrives()
    {
        var c = new AlgoChildCorrelator();

        c.OnAlgoUpdate(Algo(AlgoOrderStatus.New, null)).Should().BeEmpty();
        c.OnOrderUpdate(Order(88937381063, ExecutionType.New, OrderStatus.New)).Should().BeNull();
        c.OnOrderUpdate(Order(88937381063, ExecutionType.Trade, OrderStatus.Filled)).Should().BeNull();
        c.OnOrderUpdate(Order(5, ExecutionType.New, OrderStatus.New)).Should().BeNull();
        var released = c.OnAlgoUpdate(Algo(AlgoOrderStatus.Triggered, 88937381063));

        released.Select(r => r.Child.Status).Should().Equal(OrderStatus.New, OrderStatus.Filled);
        released.Should().OnlyContain(r => r.Parent.AlgoId == 1000000033225453 && r.Parent.ClientAlgoId == "tb-sl-1");
        c.OnAlgoUpdate(Algo(AlgoOrderStatus.Finished, 88937381063)).Should().BeEmpty("already released once");
    }

    [Fact]
    public void Child_after_triggered_is_linked_immediately_and_others_are_not()
    {
        var c = new AlgoChildCorrelator();
        c.OnAlgoUpdate(Algo(AlgoOrderStatus.Triggered, 77));

        c.OnOrderUpdate(Order(77, ExecutionType.Trade, OrderStatus.Filled))!.Parent.ClientAlgoId.Should().Be("tb-sl-1");
        c.OnOrderUpdate(Order(78, ExecutionType.Trade, OrderStatus.Filled)).Should().BeNull();
        c.TryGetParent(77, out var p).Should().BeTrue();
        p!.AlgoId.Should().Be(1000000033225453);
    }

    [Fact]
    public void Pending_buffer_is_bounded()
    {
        var c = new AlgoChildCorrelator(maxPending: 2);
        c.OnOrderUpdate(Order(1, ExecutionType.New, OrderStatus.New));
        c.OnOrderUpdate(Order(2, ExecutionType.New, OrderStatus.New));
        c.OnOrderUpdate(Order(3, ExecutionType.New, OrderStatus.New));

        c.OnAlgoUpdate(Algo(AlgoOrderStatus.Triggered, 1)).Should().BeEmpty("the oldest was evicted");
        c.OnAlgoUpdate(Algo(AlgoOrderStatus.Triggered, 3)).Should().ContainSingle();
    }
}
