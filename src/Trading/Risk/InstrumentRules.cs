namespace TradingBot.Trading.Risk;

/// <summary>Exchange precision for one symbol, from exchangeInfo filters.</summary>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="TickSize">PRICE_FILTER tickSize.</param>
/// <param name="StepSize">MARKET_LOT_SIZE stepSize (market orders).</param>
/// <param name="MinQuantity">MARKET_LOT_SIZE minQty.</param>
/// <param name="MaxQuantity">MARKET_LOT_SIZE maxQty.</param>
/// <param name="MinNotional">MIN_NOTIONAL notional.</param>
public sealed record InstrumentRules(string Symbol, decimal TickSize, decimal StepSize, decimal MinQuantity, decimal MaxQuantity, decimal MinNotional)
{
    /// <summary>Quantity rounded down to the step (never more than was sized).</summary>
    public decimal FloorQuantity(decimal quantity) => StepSize <= 0 ? quantity : Math.Floor(quantity / StepSize) * StepSize;

    /// <summary>Price rounded to the nearest tick.</summary>
    public decimal RoundPrice(decimal price) => TickSize <= 0 ? price : Math.Round(price / TickSize, MidpointRounding.AwayFromZero) * TickSize;

    /// <summary>Price rounded down to a tick.</summary>
    public decimal FloorPrice(decimal price) => TickSize <= 0 ? price : Math.Floor(price / TickSize) * TickSize;

    /// <summary>Price rounded up to a tick.</summary>
    public decimal CeilingPrice(decimal price) => TickSize <= 0 ? price : Math.Ceiling(price / TickSize) * TickSize;
}
