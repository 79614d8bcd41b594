using TradingBot.Exchange.Model;

namespace TradingBot.Exchange.Binance.Json;

/// <summary>Binance wire names for the model enums; unknown strings map to an Unknown member, never throw (except for sides).</summary>
internal static class BinanceEnums
{
    public static string ToWire(this OrderSide side) => side == OrderSide.Buy ? "BUY" : "SELL";

    public static OrderSide ParseSide(string? s) => s switch
    {
        "BUY" => OrderSide.Buy,
        "SELL" => OrderSide.Sell,
        _ => throw new JsonParseException($"Unknown side '{s}'."),
    };

    public static string ToWire(this PositionSide side) => side switch
    {
        PositionSide.Long => "LONG",
        PositionSide.Short => "SHORT",
        _ => "BOTH",
    };

    public static PositionSide ParsePositionSide(string? s) => s switch
    {
        "LONG" => PositionSide.Long,
        "SHORT" => PositionSide.Short,
        _ => PositionSide.Both,
    };

    public static string ToWire(this ConditionalOrderType type) =>
        type == ConditionalOrderType.StopMarket ? "STOP_MARKET" : "TAKE_PROFIT_MARKET";

    public static OrderType ParseOrderType(string? s) => s switch
    {
        "LIMIT" => OrderType.Limit,
        "MARKET" => OrderType.Market,
        "STOP" => OrderType.Stop,
        "STOP_MARKET" => OrderType.StopMarket,
        "TAKE_PROFIT" => OrderType.TakeProfit,
        "TAKE_PROFIT_MARKET" => OrderType.TakeProfitMarket,
        "TRAILING_STOP_MARKET" => OrderType.TrailingStopMarket,
        "LIQUIDATION" => OrderType.Liquidation,
        _ => OrderType.Unknown,
    };

    public static OrderStatus ParseOrderStatus(string? s) => s switch
    {
        "NEW" => OrderStatus.New,
        "PARTIALLY_FILLED" => OrderStatus.PartiallyFilled,
        "FILLED" => OrderStatus.Filled,
        "CANCELED" => OrderStatus.Canceled,
        "EXPIRED" => OrderStatus.Expired,
        "EXPIRED_IN_MATCH" => OrderStatus.ExpiredInMatch,
        _ => OrderStatus.Unknown,
    };

    public static ExecutionType ParseExecutionType(string? s) => s switch
    {
        "NEW" => ExecutionType.New,
        "TRADE" => ExecutionType.Trade,
        "CANCELED" => ExecutionType.Canceled,
        "EXPIRED" => ExecutionType.Expired,
        "CALCULATED" => ExecutionType.Calculated,
        "AMENDMENT" => ExecutionType.Amendment,
        _ => ExecutionType.Unknown,
    };

    public static AlgoOrderStatus ParseAlgoStatus(string? s) => s switch
    {
        "NEW" => AlgoOrderStatus.New,
        "TRIGGERING" => AlgoOrderStatus.Triggering,
        "TRIGGERED" => AlgoOrderStatus.Triggered,
        "FINISHED" => AlgoOrderStatus.Finished,
        "CANCELED" or "CANCELLED" => AlgoOrderStatus.Canceled,
        "EXPIRED" => AlgoOrderStatus.Expired,
        "REJECTED" => AlgoOrderStatus.Rejected,
        _ => AlgoOrderStatus.Unknown,
    };

    public static string ToWire(this WorkingType type) => type == WorkingType.MarkPrice ? "MARK_PRICE" : "CONTRACT_PRICE";

    public static WorkingType ParseWorkingType(string? s) => s == "MARK_PRICE" ? WorkingType.MarkPrice : WorkingType.ContractPrice;

    public static string ToWire(this MarginType type) => type == MarginType.Isolated ? "ISOLATED" : "CROSSED";
}
