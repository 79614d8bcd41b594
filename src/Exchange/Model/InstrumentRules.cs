namespace TradingBot.Exchange.Model;

/// <summary>Trading rules of one symbol from exchangeInfo. Rounding/validation lives in <c>TradingBot.Exchange.Rules.OrderRules</c>.</summary>
/// <param name="Symbol">Symbol, e.g. BTCUSDT.</param>
/// <param name="Status">Binance status (TRADING, SETTLING, ...).</param>
/// <param name="ContractType">PERPETUAL, CURRENT_QUARTER, ...</param>
/// <param name="BaseAsset">Base asset.</param>
/// <param name="QuoteAsset">Quote asset.</param>
/// <param name="MarginAsset">Margin asset.</param>
/// <param name="PricePrecision">Display precision only; never round with it.</param>
/// <param name="QuantityPrecision">Display precision only; never round with it.</param>
/// <param name="Price">PRICE_FILTER.</param>
/// <param name="LotSize">LOT_SIZE (limit orders).</param>
/// <param name="MarketLotSize">MARKET_LOT_SIZE (market orders and market-type conditional children); may be null.</param>
/// <param name="MinNotional">MIN_NOTIONAL notional; 0 when absent.</param>
/// <param name="PercentPrice">PERCENT_PRICE; may be null.</param>
/// <param name="MaxOpenOrders">MAX_NUM_ORDERS limit; null when absent.</param>
/// <param name="TriggerProtect">Threshold for priceProtect.</param>
public sealed record InstrumentRules(
    string Symbol,
    string Status,
    string ContractType,
    string BaseAsset,
    string QuoteAsset,
    string MarginAsset,
    int PricePrecision,
    int QuantityPrecision,
    PriceFilter Price,
    LotSizeFilter LotSize,
    LotSizeFilter? MarketLotSize,
    decimal MinNotional,
    PercentPriceFilter? PercentPrice,
    int? MaxOpenOrders,
    decimal TriggerProtect)
{
    /// <summary>True when the symbol accepts orders.</summary>
    public bool IsTrading => string.Equals(Status, "TRADING", StringComparison.Ordinal);
}
