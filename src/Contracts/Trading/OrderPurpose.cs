namespace TradingBot.Contracts.Trading;

/// <summary>Why an order exists: it decides how fills are interpreted.</summary>
public enum OrderPurpose
{
    Entry,
    StopLoss,
    TakeProfit,
    Close,
}
