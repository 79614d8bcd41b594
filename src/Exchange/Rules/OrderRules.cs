using TradingBot.Exchange.Model;
using TradingBot.Exchange.Port;

namespace TradingBot.Exchange.Rules;

/// <summary>
/// exchangeInfo filter arithmetic, decimal only: quantities DOWN to step, prices to the nearest tick,
/// trigger prices AWAY from the entry, and the checks Binance would reject with -4003/-4004/-4005/-4013/-4164.
/// </summary>
public static class OrderRules
{
    /// <summary>Rounds a quantity down to the step of LOT_SIZE, or MARKET_LOT_SIZE for market orders (falls back to LOT_SIZE).</summary>
    public static decimal RoundQuantityDown(InstrumentRules rules, decimal quantity, bool isMarket)
    {
        var lot = LotFor(rules, isMarket);
        return FloorToStep(quantity, lot.StepSize);
    }

    /// <summary>Rounds a price to the nearest tick (midpoint away from zero).</summary>
    public static decimal RoundPriceNearest(InstrumentRules rules, decimal price)
    {
        var f = rules.Price;
        if (f.TickSize <= 0)
        {
            return price;
        }

        return f.MinPrice + (Math.Round((price - f.MinPrice) / f.TickSize, MidpointRounding.AwayFromZero) * f.TickSize);
    }

    /// <summary>
    /// Rounds a trigger price to the tick AWAY from the entry: a stop SELL (protecting a long) or a take-profit BUY
    /// goes down; a stop BUY or a take-profit SELL goes up.
    /// </summary>
    public static decimal RoundTriggerAway(InstrumentRules rules, decimal triggerPrice, OrderSide side, ConditionalOrderType type)
    {
        var f = rules.Price;
        if (f.TickSize <= 0)
        {
            return triggerPrice;
        }

        var down = (type == ConditionalOrderType.StopMarket) == (side == OrderSide.Sell);
        var steps = (triggerPrice - f.MinPrice) / f.TickSize;
        steps = down ? Math.Floor(steps) : Math.Ceiling(steps);
        return f.MinPrice + (steps * f.TickSize);
    }

    /// <summary>Returns the rounded quantity or throws a local <see cref="ExchangeRejectedException"/> when it cannot be sent.</summary>
    public static decimal ValidateQuantity(InstrumentRules rules, decimal quantity, bool isMarket)
    {
        if (quantity <= 0)
        {
            throw Local(-4003, $"{rules.Symbol}: quantity {quantity} must be positive.");
        }

        var lot = LotFor(rules, isMarket);
        var rounded = RoundQuantityDown(rules, quantity, isMarket);
        if (rounded <= 0 || rounded < lot.MinQuantity)
        {
            throw Local(-4004, $"{rules.Symbol}: quantity {quantity} rounds to {rounded}, below minQty {lot.MinQuantity}.");
        }

        if (lot.MaxQuantity > 0 && rounded > lot.MaxQuantity)
        {
            throw Local(-4005, $"{rules.Symbol}: quantity {rounded} above maxQty {lot.MaxQuantity}.");
        }

        return rounded;
    }

    /// <summary>Checks a price (or trigger price) against PRICE_FILTER bounds.</summary>
    public static void ValidatePrice(InstrumentRules rules, decimal price)
    {
        var f = rules.Price;
        if (price <= 0)
        {
            throw Local(-4013, $"{rules.Symbol}: price {price} must be positive.");
        }

        if (f.MinPrice > 0 && price < f.MinPrice)
        {
            throw Local(-4013, $"{rules.Symbol}: price {price} below minPrice {f.MinPrice}.");
        }

        if (f.MaxPrice > 0 && price > f.MaxPrice)
        {
            throw Local(-4014, $"{rules.Symbol}: price {price} above maxPrice {f.MaxPrice}.");
        }
    }

    /// <summary>MIN_NOTIONAL: price × quantity ≥ notional unless reduce-only / close-position.</summary>
    public static void ValidateNotional(InstrumentRules rules, decimal quantity, decimal referencePrice, bool reduceOnly)
    {
        if (reduceOnly || rules.MinNotional <= 0)
        {
            return;
        }

        var notional = quantity * referencePrice;
        if (notional < rules.MinNotional)
        {
            throw Local(-4164, $"{rules.Symbol}: notional {notional} ({quantity} × {referencePrice}) below MIN_NOTIONAL {rules.MinNotional}.");
        }
    }

    /// <summary>True when <paramref name="value"/> lies on the grid min + k × step.</summary>
    public static bool IsOnGrid(decimal value, decimal min, decimal step) => step <= 0 || (value - min) % step == 0;

    private static LotSizeFilter LotFor(InstrumentRules rules, bool isMarket) =>
        isMarket && rules.MarketLotSize is { StepSize: > 0 } market ? market : rules.LotSize;

    private static decimal FloorToStep(decimal quantity, decimal step)
    {
        if (step <= 0)
        {
            return quantity;
        }

        // Binance's grid is (qty − minQty) multiple of step; minQty is itself a multiple of step for every listed symbol,
        // so flooring from zero is the same grid and keeps tiny quantities at 0 rather than at minQty.
        return Math.Floor(quantity / step) * step;
    }

    private static ExchangeRejectedException Local(int code, string message) => new(code, null, message, isLocal: true);
}
