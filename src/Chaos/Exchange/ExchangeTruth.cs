using TradingBot.Exchange.Simulator.Matching;
using TradingBot.Exchange.Simulator.Venue;

namespace TradingBot.Chaos.Exchange;

/// <summary>Reads the simulator's own books (never the bot's view): positions, protective orders, order and fill history.</summary>
internal sealed class ExchangeTruth(SimulatedExchange venue, string apiKey)
{
    public SimulatedExchange Venue => venue;

    public string ApiKey => apiKey;

    /// <summary>Non-flat positions.</summary>
    public IReadOnlyList<PositionView> OpenPositions() =>
        venue.Run(e => e.Positions(apiKey, null, includeOpenOrderSymbols: false).Where(p => p.PositionAmt != 0).ToArray());

    public IReadOnlyList<AlgoOrderView> OpenAlgoOrders() => venue.Run(e => e.OpenAlgoOrders(apiKey, null));

    /// <summary>Regular orders with an id at or above <paramref name="fromOrderId"/>, oldest first.</summary>
    public IReadOnlyList<OrderView> OrdersFrom(long fromOrderId) =>
        venue.Run(e => e.AllOrders(apiKey, null, fromOrderId, null, null, int.MaxValue));

    /// <summary>Fills with an id at or above <paramref name="fromTradeId"/>, oldest first.</summary>
    public IReadOnlyList<TradeView> TradesFrom(long fromTradeId) =>
        venue.Run(e => e.UserTrades(apiKey, null, null, null, null, fromTradeId, int.MaxValue));

    public decimal WalletBalance() => venue.Run(e => e.Balance(apiKey).WalletBalance);

    /// <summary>True when the position has a live stop and a live target of the right side (close-position or reduce-only).</summary>
    public static bool IsProtected(PositionView position, IReadOnlyList<AlgoOrderView> openAlgos)
    {
        var closingSide = position.PositionAmt > 0 ? Side.Sell : Side.Buy;
        var mine = openAlgos.Where(a => a.Symbol == position.Symbol && a.Side == closingSide && (a.ClosePosition || a.ReduceOnly)).ToArray();
        return mine.Any(a => a.Type == AlgoOrderType.StopMarket || a.Type == AlgoOrderType.Stop)
            && mine.Any(a => a.Type == AlgoOrderType.TakeProfitMarket || a.Type == AlgoOrderType.TakeProfit);
    }
}
