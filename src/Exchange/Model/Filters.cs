namespace TradingBot.Exchange.Model;

/// <summary>PRICE_FILTER: bounds and tick for prices and trigger prices. Zero bound = disabled.</summary>
/// <param name="MinPrice">Minimum price.</param>
/// <param name="MaxPrice">Maximum price.</param>
/// <param name="TickSize">Price increment.</param>
public sealed record PriceFilter(decimal MinPrice, decimal MaxPrice, decimal TickSize);

/// <summary>LOT_SIZE / MARKET_LOT_SIZE: quantity bounds and step.</summary>
/// <param name="MinQuantity">Minimum quantity.</param>
/// <param name="MaxQuantity">Maximum quantity.</param>
/// <param name="StepSize">Quantity increment.</param>
public sealed record LotSizeFilter(decimal MinQuantity, decimal MaxQuantity, decimal StepSize);

/// <summary>PERCENT_PRICE: a LIMIT price must lie within mark × [down, up].</summary>
/// <param name="MultiplierUp">Upper multiplier.</param>
/// <param name="MultiplierDown">Lower multiplier.</param>
/// <param name="MultiplierDecimal">Decimals of the multipliers.</param>
public sealed record PercentPriceFilter(decimal MultiplierUp, decimal MultiplierDown, int MultiplierDecimal);
