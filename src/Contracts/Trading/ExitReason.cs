namespace TradingBot.Contracts.Trading;

/// <summary>Which level closed a position.</summary>
public enum ExitReason
{
    StopLoss,
    TakeProfit,
    Manual,
    EmergencyStop,
    Liquidation,
    DailyLossLimit,
    Unknown,
}
