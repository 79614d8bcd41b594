using TradingBot.Exchange.Simulator.Matching;

namespace TradingBot.Exchange.Simulator.Accounts;

/// <summary>Mutable engine-side state of a conditional order.</summary>
internal sealed class SimAlgoOrder
{
    public required long AlgoId { get; init; }
    public required string ClientAlgoId { get; init; }
    public required string Symbol { get; init; }
    public required Side Side { get; init; }
    public required AlgoOrderType Type { get; init; }
    public TimeInForce TimeInForce { get; init; } = TimeInForce.Gtc;
    public decimal Quantity { get; init; }
    public decimal TriggerPrice { get; init; }
    public decimal Price { get; init; }
    public WorkingType WorkingType { get; init; }
    public bool ClosePosition { get; init; }
    public bool ReduceOnly { get; init; }
    public bool PriceProtect { get; init; }
    public AlgoStatus Status { get; set; } = AlgoStatus.New;
    public long? ActualOrderId { get; set; }
    public decimal ActualPrice { get; set; }
    public decimal ActualQty { get; set; }
    public string? RejectReason { get; set; }
    public long CreateTime { get; init; }
    public long UpdateTime { get; set; }
    public long TriggerTime { get; set; }

    public bool IsOpen => Status == AlgoStatus.New;

    /// <summary>Conditions are "reference ≥ trigger" (returns true) or "reference ≤ trigger" (false).</summary>
    public bool TriggersWhenAbove => Type switch
    {
        AlgoOrderType.StopMarket or AlgoOrderType.Stop => Side == Side.Buy,
        _ => Side == Side.Sell,
    };

    public bool IsTriggeredBy(decimal reference) =>
        TriggersWhenAbove ? reference >= TriggerPrice : reference <= TriggerPrice;

    public AlgoOrderView ToView() => new(
        AlgoId, ClientAlgoId, Symbol, Side, Type, TimeInForce, Quantity, TriggerPrice, Price, WorkingType, ClosePosition,
        ReduceOnly, PriceProtect, Status, ActualOrderId, ActualPrice, ActualQty, RejectReason, CreateTime, UpdateTime, TriggerTime);
}
