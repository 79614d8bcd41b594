namespace TradingBot.Operations.Configuration;

/// <summary>What happens to open positions when the daily loss limit is reached (new entries are blocked either way).</summary>
public enum DailyLossLimitAction
{
    /// <summary>Keep open positions with their stop-loss and take-profit.</summary>
    KeepPositions,

    /// <summary>Close open positions at market.</summary>
    ClosePositions,
}
