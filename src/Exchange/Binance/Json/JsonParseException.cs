namespace TradingBot.Exchange.Binance.Json;

/// <summary>A field could not be read; <see cref="NonFinite"/> marks NaN/Infinity values, which we never accept as numbers.</summary>
internal sealed class JsonParseException(string message, bool nonFinite = false) : FormatException(message)
{
    public bool NonFinite { get; } = nonFinite;
}
