using TradingBot.Exchange.Simulator.Matching;

namespace TradingBot.Exchange.Simulator.Accounts;

/// <summary>Mutable engine-side state of a regular order.</summary>
internal sealed class SimOrder
{
    public required long OrderId { get; init; }
    public required string Symbol { get; init; }
    public required string ClientOrderId { get; init; }
    public required Side Side { get; init; }
    public required OrderType Type { get; init; }
    public TimeInForce TimeInForce { get; init; } = TimeInForce.Gtc;
    public decimal Price { get; init; }
    public decimal OrigQty { get; set; }
    public decimal ExecutedQty { get; set; }
    public decimal CumQuote { get; set; }
    public OrderStatus Status { get; set; } = OrderStatus.New;
    public bool ReduceOnly { get; init; }
    public bool ClosePosition { get; init; }
    public decimal StopPrice { get; init; }
    public WorkingType WorkingType { get; init; } = WorkingType.ContractPrice;
    public string OrigType { get; init; } = "LIMIT";
    public long Time { get; init; }
    public long UpdateTime { get; set; }
    public long? ParentAlgoId { get; init; }
    public bool RestedOnBook { get; set; }

    public bool IsOpen => Status is OrderStatus.New or OrderStatus.PartiallyFilled;

    public decimal RemainingQty => OrigQty - ExecutedQty;

    public decimal AvgPrice => ExecutedQty == 0 ? 0 : CumQuote / ExecutedQty;

    public OrderView ToView() => new(
        OrderId, Symbol, ClientOrderId, Side, Type, TimeInForce, Price, OrigQty, ExecutedQty, CumQuote, AvgPrice,
        Status, ReduceOnly, ClosePosition, StopPrice, WorkingType, OrigType, Time, UpdateTime);
}
