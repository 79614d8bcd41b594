namespace TradingBot.Exchange.Simulator.Matching;

/// <summary>Factory for the Binance rejections the simulator produces (messages as in Binance's error list).</summary>
public static class Errors
{
    public static ExchangeRejectedException Mandatory(string name) =>
        new(-1102, $"Mandatory parameter '{name}' was not sent, was empty/null, or malformed.");

    public static ExchangeRejectedException NotRequired(string name) =>
        new(-1106, $"Parameter '{name}' sent when not required.");

    public static ExchangeRejectedException Precision() => new(-1111, "Precision is over the maximum defined for this asset.");

    public static ExchangeRejectedException InvalidOrderType() => new(-1116, "Invalid orderType.");

    public static ExchangeRejectedException InvalidSymbol() => new(-1121, "Invalid symbol.");

    public static ExchangeRejectedException UnknownOrderCancel() => new(-2011, "Unknown order sent.");

    public static ExchangeRejectedException NoSuchOrder() => new(-2013, "Order does not exist.");

    public static ExchangeRejectedException MarginInsufficient() => new(-2019, "Margin is insufficient.");

    public static ExchangeRejectedException WouldTrigger() => new(-2021, "Order would immediately trigger.");

    public static ExchangeRejectedException ReduceOnlyRejected() => new(-2022, "ReduceOnly Order is rejected.");

    public static ExchangeRejectedException MaxOpenOrders() => new(-2025, "Reach max open order limit.");

    public static ExchangeRejectedException QuantityNotPositive() => new(-4003, "Quantity less than zero.");

    public static ExchangeRejectedException QuantityBelowMin() => new(-4004, "Quantity less than min quantity.");

    public static ExchangeRejectedException QuantityAboveMax() => new(-4005, "Quantity greater than max quantity.");

    public static ExchangeRejectedException PriceBelowMin() => new(-4013, "Price less than min price.");

    public static ExchangeRejectedException Tick() => new(-4014, "Price not increased by tick size.");

    public static ExchangeRejectedException ClientIdInvalid() => new(-4015, "Client order id length should not be more than 36 chars");

    public static ExchangeRejectedException Step() => new(-4023, "Qty not increased by step size.");

    public static ExchangeRejectedException NoNeedMarginType() => new(-4046, "No need to change margin type.");

    public static ExchangeRejectedException MarginTypeOpenOrders() => new(-4047, "Margin type cannot be changed if there exists open orders.");

    public static ExchangeRejectedException MarginTypePosition() => new(-4048, "Margin type cannot be changed if there exists position.");

    public static ExchangeRejectedException NoNeedPositionSide() => new(-4059, "No need to change position side.");

    public static ExchangeRejectedException PositionSideMismatch() => new(-4061, "Order's position side does not match user's setting.");

    public static ExchangeRejectedException PositionSideOpenOrders() => new(-4067, "Position side cannot be changed if there exists open orders.");

    public static ExchangeRejectedException PositionSidePosition() => new(-4068, "Position side cannot be changed if there exists position.");

    public static ExchangeRejectedException DuplicateClientId() => new(-4116, "clientOrderId is duplicated");

    public static ExchangeRejectedException ConditionalOnOrderEndpoint() =>
        new(-4120, "Order type not supported for this endpoint. Please use the Algo Order API endpoints instead.");

    public static ExchangeRejectedException ClosePositionWithQuantity() => new(-4137, "Quantity must be zero with closePosition equals true");

    public static ExchangeRejectedException ClosePositionWithReduceOnly() => new(-4138, "Reduce only must be true with closePosition equals true");

    public static ExchangeRejectedException MinNotional(decimal notional) =>
        new(-4164, $"Order's notional must be no smaller than {notional.ToString(System.Globalization.CultureInfo.InvariantCulture)} (unless you choose reduce only)");

    public static ExchangeRejectedException FokRejected() => new(-5021, "Due to the order could not be filled immediately, the FOK order has been rejected.");

    public static ExchangeRejectedException PostOnlyRejected() => new(-5022, "Due to the order could not be executed as maker, the Post Only order will be rejected.");

    public static ExchangeRejectedException InvalidLeverage() => new(-4028, "Leverage is not valid");
}
