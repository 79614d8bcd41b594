namespace TradingBot.Operations.Configuration;

/// <summary>How a changed configuration key takes effect.</summary>
public enum ConfigChangeClass
{
    /// <summary>Operational parameter: applied while running (publish <c>config_changed</c>).</summary>
    Live,

    /// <summary>Core parameter (strategies, symbols, timeframes, indicators, host) or an unknown key: needs a restart.</summary>
    RestartRequired,

    /// <summary>Explicitly ignored by the classifier's rules.</summary>
    Ignored,
}
