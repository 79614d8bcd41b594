namespace TradingBot.Exchange.Simulator.Matching;

/// <summary>Trading rules of one perpetual symbol (what exchangeInfo publishes and the engine enforces).</summary>
public sealed record SymbolSpec(
    string Symbol,
    string BaseAsset,
    decimal TickSize,
    decimal StepSize,
    decimal MinQty,
    decimal MaxQty,
    decimal MarketMaxQty,
    decimal MinNotional,
    decimal MinPrice = 0.10m,
    decimal MaxPrice = 4_529_764m,
    decimal PercentPriceUp = 1.05m,
    decimal PercentPriceDown = 0.95m)
{
    /// <summary>Decimals implied by the tick size (used to format prices).</summary>
    public int PricePrecision => Decimals(TickSize);

    /// <summary>Decimals implied by the step size (used to format quantities).</summary>
    public int QuantityPrecision => Decimals(StepSize);

    /// <summary>BTCUSDT defaults: tick 0.10, step 0.001, min notional 100.</summary>
    public static SymbolSpec BtcUsdt { get; } = new("BTCUSDT", "BTC", 0.10m, 0.001m, 0.001m, 1000m, 120m, 100m, 261.10m, 809_484m);

    /// <summary>ETHUSDT defaults: tick 0.01, step 0.001, min notional 20.</summary>
    public static SymbolSpec EthUsdt { get; } = new("ETHUSDT", "ETH", 0.01m, 0.001m, 0.001m, 10_000m, 2000m, 20m, 39.86m, 306_177m);

    /// <summary>A generic USDT perpetual with the given tick/step (for extra symbols).</summary>
    public static SymbolSpec Generic(string symbol, decimal tick = 0.01m, decimal step = 0.001m, decimal minNotional = 5m) =>
        new(symbol, symbol.EndsWith("USDT", StringComparison.Ordinal) ? symbol[..^4] : symbol, tick, step, step, 1_000_000m, 100_000m, minNotional, tick, 10_000_000m);

    /// <summary>Defaults for a symbol name (BTCUSDT/ETHUSDT known, anything else generic).</summary>
    public static SymbolSpec For(string symbol) => symbol switch
    {
        "BTCUSDT" => BtcUsdt,
        "ETHUSDT" => EthUsdt,
        _ => Generic(symbol),
    };

    internal static int Decimals(decimal value)
    {
        value /= 1.000000000000000000000000000000000m;
        var bits = decimal.GetBits(value);
        return (bits[3] >> 16) & 0xFF;
    }

    internal static bool IsMultiple(decimal value, decimal origin, decimal unit) =>
        unit <= 0 || (value - origin) % unit == 0;

    internal decimal CeilToTick(decimal price) => Math.Ceiling(price / TickSize) * TickSize;

    internal decimal FloorToTick(decimal price) => Math.Floor(price / TickSize) * TickSize;
}
