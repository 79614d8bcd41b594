using System.Text.RegularExpressions;
using TradingBot.Contracts.Market;
using TradingBot.Contracts.Trading;
using TradingBot.Trading.Orders;

namespace TradingBot.Trading.Tests.Orders;

public sealed partial class ClientOrderIdsTests
{
    [GeneratedRegex("^[\\.A-Z\\:/a-z0-9_-]{1,36}$")]
    private static partial Regex BinanceClientId();

    [Fact]
    public void Ids_are_deterministic_distinct_per_purpose_and_valid_for_binance()
    {
        var signal = new TradeSignal("A:1", "A", "1000PEPEUSDT", Direction.Bearish, 1, 2, 0.5m, 0.7, ["z"], new DateTimeOffset(2025, 6, 2, 10, 15, 0, TimeSpan.Zero));
        var ids = Enum.GetValues<OrderPurpose>().Select(p => ClientOrderIds.For(signal, p)).ToList();

        ids.Should().OnlyHaveUniqueItems();
        ids.Should().AllSatisfy(id => BinanceClientId().IsMatch(id).Should().BeTrue(id));
        ids.Should().AllSatisfy(id => ClientOrderIds.IsOurs(id).Should().BeTrue());
        ClientOrderIds.For(signal, OrderPurpose.Entry).Should().Be(ClientOrderIds.For(signal with { Confidence = 0.1 }, OrderPurpose.Entry));
        ClientOrderIds.For(signal, OrderPurpose.StopLoss, 2).Should().NotBe(ClientOrderIds.For(signal, OrderPurpose.StopLoss, 1));
        ClientOrderIds.IsOurs("web_123").Should().BeFalse();
    }
}
