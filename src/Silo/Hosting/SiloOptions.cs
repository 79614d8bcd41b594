namespace TradingBot.Silo.Hosting;

/// <summary>Core host settings (section <c>Silo</c>); changing them needs a restart.</summary>
public sealed class SiloOptions
{
    public const string Section = "Silo";

    /// <summary>paper, testnet or mainnet.</summary>
    public string Mode { get; set; } = "paper";

    /// <summary>Listen address of the dashboard and API; loopback unless deliberately exposed.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Where SQLite files live.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Runs the trading stack (exchange, grains); off only for host-level tests.</summary>
    public bool Trading { get; set; } = true;

    /// <summary>Where log files live.</summary>
    public string LogDirectory { get; set; } = "logs";
}
