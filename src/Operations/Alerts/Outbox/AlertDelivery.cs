namespace TradingBot.Operations.Alerts.Outbox;

/// <summary>How an outbox row left the queue.</summary>
public enum AlertDelivery
{
    /// <summary>Discord answered 2xx.</summary>
    Discord,

    /// <summary>No webhook configured: written to the log instead.</summary>
    Logged,

    /// <summary>The alert kind is switched off in configuration.</summary>
    Disabled,

    /// <summary>Discord refused this particular message (400/413/422): kept with its error, not retried.</summary>
    Rejected,
}
