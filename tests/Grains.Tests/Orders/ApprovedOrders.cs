using System.Collections.Immutable;
using TradingBot.Contracts.Market;
using TradingBot.Contracts.Trading;

namespace TradingBot.Grains.Tests.Orders;

/// <summary>Hand-made approved entries for the OrderGrain tests.</summary>
internal static class ApprovedOrders
{
    /// <summary>Strategy A, BTCUSDT long 0.010 at 60,000 with SL 59,000 and TP 62,000.</summary>
    public static ApprovedOrder Long(string signalId, DateTimeOffset at) =>
        new(new TradeSignal(signalId, "A", "BTCUSDT", Direction.Bullish, 60_000m, 59_000m, 62_000m, 0.8, ImmutableArray.Create("zone-1"), at),
            0.010m, 59_000m, 62_000m, 5, 10m);
}
