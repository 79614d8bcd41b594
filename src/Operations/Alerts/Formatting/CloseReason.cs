namespace TradingBot.Operations.Alerts.Formatting;

/// <summary>Who or what closed a position.</summary>
public enum CloseReason
{
    /// <summary>The stop-loss order triggered.</summary>
    StopLoss,

    /// <summary>The take-profit order triggered.</summary>
    TakeProfit,

    /// <summary>Closed by the operator (dashboard or CLI).</summary>
    Manual,

    /// <summary>Closed by the emergency stop (close everything, block entries).</summary>
    EmergencyStop,

    /// <summary>Closed because the daily loss limit was reached and the configuration says close.</summary>
    DailyLossLimit,

    /// <summary>Liquidated by the exchange.</summary>
    Liquidation,

    /// <summary>Closed on the exchange for a reason the bot could not tell (e.g. by hand in the Binance app).</summary>
    Unknown,
}
