namespace TradingBot.Silo.Hosting;

/// <summary>Section <c>Exchange</c>: where the bot trades. Keys come only from the environment or .env.</summary>
public sealed class ExchangeSettings
{
    public const string Section = "Exchange";

    /// <summary>Paper mode: replay speed of the embedded simulator (600 = ten market minutes per second).</summary>
    public double PaperSpeed { get; set; } = 600;

    /// <summary>Paper mode: market time to start at; late enough that 500 hours of 1h history exist.</summary>
    public DateTimeOffset PaperStart { get; set; } = new(2025, 5, 26, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Paper mode: folder (relative to the executable) or files with 1m candles to replay.</summary>
    public string PaperCandles { get; set; } = "candles";

    /// <summary>Paper mode: starting USDT balance of the simulated account.</summary>
    public decimal PaperStartingBalance { get; set; } = 10_000m;

    /// <summary>
    /// Paper mode against a simulator started separately (<c>trading-bot simulator</c>), e.g.
    /// http://127.0.0.1:7000; empty = embed one. It outlives silo restarts, as a real exchange does.
    /// </summary>
    public string? SimulatorUrl { get; set; }

    /// <summary>
    /// Ask Binance what the API key may do (GET /sapi/v1/account/apiRestrictions) and refuse to start when it can
    /// withdraw or the answer cannot be had. Always done on mainnet whatever this says; set true to rehearse the check
    /// against an external simulator (paper). The futures demo (testnet) has no wallet API, so it is never checked there.
    /// </summary>
    public bool? VerifyKeyPermissions { get; set; }

    /// <summary>Mainnet needs this set to true explicitly, as well as keys.</summary>
    public bool ConfirmMainnet { get; set; }

    /// <summary>Environment variable holding the API key.</summary>
    public const string ApiKeyVariable = "BINANCE_API_KEY";

    /// <summary>Environment variable holding the API secret.</summary>
    public const string ApiSecretVariable = "BINANCE_API_SECRET";
}
