using System.Collections.Immutable;
using TradingBot.Contracts.Exchange;
using TradingBot.Exchange.Model.Events;
using TradingBot.Grains.Mapping;

namespace TradingBot.Grains.Gateway;

/// <summary>Turns user-stream events of the exchange port into grain stream messages.</summary>
internal static class ExchangeEventMapper
{
    public static ExchangeOrderUpdate ToContract(OrderUpdated o) =>
        new(o.Symbol, o.ClientOrderId, o.OrderId, ExchangeMapping.ToContract(o.Side), o.Status.ToString().ToUpperInvariant(), ExecutionName(o.Execution),
            o.LastFilledQuantity, o.LastFilledPrice, o.Commission, o.TradeId, o.RealizedProfit, o.ReduceOnly, o.TradeTime);

    public static ExchangeAlgoUpdate ToContract(AlgoOrderUpdated a) =>
        new(a.Symbol, a.ClientAlgoId, a.AlgoId, a.Status.ToString().ToUpperInvariant(), a.ChildOrderId, a.EventTime);

    public static ExchangeAccountUpdate ToContract(AccountUpdated a)
    {
        var usdt = a.Balances.FirstOrDefault(b => string.Equals(b.Asset, "USDT", StringComparison.Ordinal));
        var positions = a.Positions.Select(p => new ExchangePositionAmount(p.Symbol, p.Quantity, p.EntryPrice)).ToImmutableArray();
        return new ExchangeAccountUpdate(a.Reason, usdt?.WalletBalance, positions, a.EventTime);
    }

    private static string ExecutionName(Exchange.Model.ExecutionType execution) => execution.ToString().ToUpperInvariant();
}
