namespace TradingBot.Exchange.Simulator.Matching;

/// <summary>A regular order as accepted by POST /fapi/v1/order (already parsed).</summary>
public sealed record NewOrder(
    string Symbol,
    Side Side,
    OrderType Type,
    decimal Quantity,
    decimal? Price = null,
    TimeInForce TimeInForce = TimeInForce.Gtc,
    bool ReduceOnly = false,
    string? ClientOrderId = null);

/// <summary>A conditional order as accepted by POST /fapi/v1/algoOrder (already parsed).</summary>
public sealed record NewAlgoOrder(
    string Symbol,
    Side Side,
    AlgoOrderType Type,
    decimal TriggerPrice,
    decimal? Quantity = null,
    decimal? Price = null,
    WorkingType WorkingType = WorkingType.ContractPrice,
    bool ClosePosition = false,
    bool ReduceOnly = false,
    bool PriceProtect = false,
    TimeInForce TimeInForce = TimeInForce.Gtc,
    string? ClientAlgoId = null);

/// <summary>A simulated account to create.</summary>
public sealed record AccountSpec(string ApiKey, string Secret, decimal UsdtBalance = 10_000m);
