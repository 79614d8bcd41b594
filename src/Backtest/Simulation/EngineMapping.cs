using TradingBot.Exchange.Model;
using TradingBot.Exchange.Model.Events;
using TradingBot.Exchange.Port;
using Sim = TradingBot.Exchange.Simulator.Matching;

namespace TradingBot.Backtest.Simulation;

/// <summary>Translates the matching engine's views, events and rejections into the exchange port's records — what the Binance client would hand the grains.</summary>
internal static class EngineMapping
{
    public static DateTimeOffset Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static OrderSide Side(Sim.Side side) => side == Sim.Side.Buy ? OrderSide.Buy : OrderSide.Sell;

    public static Sim.Side Side(OrderSide side) => side == OrderSide.Buy ? Sim.Side.Buy : Sim.Side.Sell;

    public static OrderType Type(Sim.OrderType type) => type switch
    {
        Sim.OrderType.Limit => OrderType.Limit,
        Sim.OrderType.Market => OrderType.Market,
        _ => OrderType.Liquidation,
    };

    public static OrderType Type(Sim.AlgoOrderType type) => type switch
    {
        Sim.AlgoOrderType.StopMarket => OrderType.StopMarket,
        Sim.AlgoOrderType.TakeProfitMarket => OrderType.TakeProfitMarket,
        Sim.AlgoOrderType.Stop => OrderType.Stop,
        _ => OrderType.TakeProfit,
    };

    public static OrderStatus Status(Sim.OrderStatus status) => status switch
    {
        Sim.OrderStatus.New => OrderStatus.New,
        Sim.OrderStatus.PartiallyFilled => OrderStatus.PartiallyFilled,
        Sim.OrderStatus.Filled => OrderStatus.Filled,
        Sim.OrderStatus.Canceled => OrderStatus.Canceled,
        _ => OrderStatus.Expired,
    };

    public static AlgoOrderStatus Status(Sim.AlgoStatus status) => status switch
    {
        Sim.AlgoStatus.New => AlgoOrderStatus.New,
        Sim.AlgoStatus.Triggering => AlgoOrderStatus.Triggering,
        Sim.AlgoStatus.Triggered => AlgoOrderStatus.Triggered,
        Sim.AlgoStatus.Finished => AlgoOrderStatus.Finished,
        Sim.AlgoStatus.Canceled => AlgoOrderStatus.Canceled,
        Sim.AlgoStatus.Expired => AlgoOrderStatus.Expired,
        _ => AlgoOrderStatus.Rejected,
    };

    public static ExecutionType Execution(Sim.ExecutionType execution) => execution switch
    {
        Sim.ExecutionType.New => ExecutionType.New,
        Sim.ExecutionType.Trade => ExecutionType.Trade,
        Sim.ExecutionType.Canceled => ExecutionType.Canceled,
        Sim.ExecutionType.Expired => ExecutionType.Expired,
        _ => ExecutionType.Calculated,
    };

    public static WorkingType Working(Sim.WorkingType working) => working == Sim.WorkingType.MarkPrice ? WorkingType.MarkPrice : WorkingType.ContractPrice;

    public static Sim.WorkingType Working(WorkingType working) => working == WorkingType.MarkPrice ? Sim.WorkingType.MarkPrice : Sim.WorkingType.ContractPrice;

    public static OrderSnapshot Snapshot(Sim.OrderView o) =>
        new(o.OrderId, o.ClientOrderId, o.Symbol, Side(o.Side), PositionSide.Both, Type(o.Type), Status(o.Status), o.Price,
            o.ExecutedQty > 0 ? o.AvgPrice : null, o.OrigQty, o.ExecutedQty, o.ReduceOnly, o.ClosePosition, Time(o.UpdateTime));

    public static AlgoOrderSnapshot Snapshot(Sim.AlgoOrderView a) =>
        new(a.AlgoId, a.ClientAlgoId, a.Symbol, Side(a.Side), PositionSide.Both, Type(a.Type), Status(a.Status), a.Quantity, a.TriggerPrice, Working(a.WorkingType),
            a.ClosePosition, a.ReduceOnly, a.PriceProtect, a.ActualOrderId, a.ActualOrderId is null ? null : a.ActualPrice, a.ActualOrderId is null ? null : a.ActualQty,
            Time(a.CreateTime), Time(a.UpdateTime), a.TriggerTime == 0 ? null : Time(a.TriggerTime));

    public static Position Position(Sim.PositionView p) =>
        new(p.Symbol, PositionSide.Both, p.PositionAmt, p.EntryPrice, p.BreakEvenPrice, p.MarkPrice, p.UnrealizedProfit, p.LiquidationPrice, p.Notional,
            p.IsolatedWallet, p.InitialMargin, p.MaintMargin, Time(p.UpdateTime));

    public static StreamEvent? Event(Sim.UserEvent e, bool fundingDeposit) => e switch
    {
        Sim.OrderTradeUpdate u => new OrderUpdated(
            Time(u.EventTime), Time(u.TransactionTime), u.Order.Symbol, u.Order.ClientOrderId, Side(u.Order.Side), Type(u.Order.Type),
            u.Order.OrigType switch { "LIQUIDATION" => OrderType.Liquidation, "LIMIT" => OrderType.Limit, _ => OrderType.Market },
            u.Order.TimeInForce.ToString().ToUpperInvariant(), u.Order.OrigQty, u.Order.Price, u.Order.AvgPrice, u.Order.StopPrice, Execution(u.Execution), Status(u.Order.Status),
            u.Order.OrderId, u.LastFilledQty, u.Order.ExecutedQty, u.LastFilledPrice, u.LastFilledQty > 0 ? "USDT" : null, u.Commission, Time(u.TransactionTime), u.TradeId,
            u.Maker, u.Order.ReduceOnly, Working(u.Order.WorkingType), PositionSide.Both, u.Order.ClosePosition, u.RealizedProfit, null),
        Sim.AlgoUpdate a => new AlgoOrderUpdated(
            Time(a.EventTime), Time(a.TransactionTime), a.Algo.ClientAlgoId, a.Algo.AlgoId, "CONDITIONAL", Type(a.Algo.Type), a.Algo.Symbol, Side(a.Algo.Side), PositionSide.Both,
            a.Algo.Quantity, Status(a.Algo.Status), a.Algo.ActualOrderId, a.Algo.ActualPrice, a.Algo.ActualQty, "MARKET", a.Algo.TriggerPrice, a.Algo.Price, Working(a.Algo.WorkingType),
            a.Algo.ClosePosition, a.Algo.PriceProtect, a.Algo.ReduceOnly, a.Algo.TriggerTime == 0 ? null : Time(a.Algo.TriggerTime), a.Algo.RejectReason),
        Sim.AccountUpdate a => new AccountUpdated(
            Time(a.EventTime), Time(a.TransactionTime), fundingDeposit ? "FUNDING_FEE" : a.Reason, [new BalanceChange("USDT", a.WalletBalance, a.CrossWalletBalance, a.BalanceChange)],
            a.Positions.Select(p => new PositionChange(p.Symbol, p.PositionAmt, p.EntryPrice, p.BreakEvenPrice, p.AccumulatedRealized, p.UnrealizedProfit,
                p.MarginType == Sim.MarginType.Isolated ? "isolated" : "cross", p.IsolatedWallet, PositionSide.Both)).ToArray(),
            a.FundingSymbol),
        Sim.AccountConfigUpdate c => new AccountConfigUpdated(Time(c.EventTime), c.Symbol, c.Leverage, null),
        _ => null,
    };

    /// <summary>The port's exception for an engine rejection, classified the way the Binance client classifies the same code.</summary>
    public static ExchangeException Rejection(Sim.ExchangeRejectedException ex) => ex.Code switch
    {
        -2011 or -2013 => new ExchangeNotFoundException(ex.Code, ex.HttpStatus, ex.Message),
        -4116 => new ExchangeDuplicateException(ex.Code, ex.HttpStatus, ex.Message),
        -4046 or -4059 => new ExchangeBenignException(ex.Code, ex.HttpStatus, ex.Message),
        -1001 => new ExchangeNotExecutedException(ex.Code, ex.HttpStatus, ex.Message),
        _ => new ExchangeRejectedException(ex.Code, ex.HttpStatus, ex.Message),
    };
}
