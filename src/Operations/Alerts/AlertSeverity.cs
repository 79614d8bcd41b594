namespace TradingBot.Operations.Alerts;

/// <summary>How urgently a human should look; also the log level used when no webhook is configured.</summary>
public enum AlertSeverity
{
    Info,
    Warning,
    Critical,
}
