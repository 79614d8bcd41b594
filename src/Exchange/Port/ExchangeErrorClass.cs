namespace TradingBot.Exchange.Port;

/// <summary>What an exchange error means for the caller.</summary>
public enum ExchangeErrorClass
{
    /// <summary>Not carried out; safe to resend (same client id) once the cause is gone.</summary>
    NotExecuted,

    /// <summary>May or may not have been executed: reconcile before any resend.</summary>
    UnknownOutcome,

    /// <summary>Business or parameter rejection; resending unchanged is pointless.</summary>
    Rejected,

    /// <summary>Treat as success (e.g. -4046 margin type already set).</summary>
    Benign,

    /// <summary>Order unknown / already gone (-2013, -2011).</summary>
    NotFound,

    /// <summary>Client id already used by an open order (-4116): the order exists, query and adopt.</summary>
    Duplicate,

    /// <summary>Key, signature, permission or WAF problem: halt and alert.</summary>
    Auth,
}
