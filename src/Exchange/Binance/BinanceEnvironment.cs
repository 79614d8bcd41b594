namespace TradingBot.Exchange.Binance;

/// <summary>
/// Base addresses of one Binance USDⓈ-M deployment. Stream paths are built as
/// <c>StreamBase + ("/market" | "/private" when <see cref="UseStreamPathSuffixes"/>) + "/stream?..."</c>.
/// </summary>
/// <param name="Name">For logs.</param>
/// <param name="RestBase">REST base, e.g. https://fapi.binance.com.</param>
/// <param name="StreamBase">WebSocket base, e.g. wss://fstream.binance.com.</param>
/// <param name="UseStreamPathSuffixes">Append /market and /private (required on mainnet since 2026-04-23).</param>
public sealed record BinanceEnvironment(string Name, Uri RestBase, Uri StreamBase, bool UseStreamPathSuffixes)
{
    /// <summary>Production.</summary>
    public static BinanceEnvironment Mainnet { get; } =
        new("mainnet", new Uri("https://fapi.binance.com"), new Uri("wss://fstream.binance.com"), true);

    /// <summary>Demo trading (the current "testnet").</summary>
    public static BinanceEnvironment Demo { get; } =
        new("demo", new Uri("https://demo-fapi.binance.com"), new Uri("wss://demo-fstream.binance.com"), true);

    /// <summary>Any other deployment, e.g. the loopback simulator: Custom(new("http://127.0.0.1:5000"), new("ws://127.0.0.1:5000")).</summary>
    public static BinanceEnvironment Custom(Uri restBase, Uri streamBase, bool useStreamPathSuffixes = true, string name = "custom") =>
        new(name, restBase, streamBase, useStreamPathSuffixes);
}
