namespace TradingBot.Contracts.Grains;

/// <summary>Risk state for the dashboard and alerts.</summary>
public sealed record RiskStatus(
    bool EntriesAllowed,
    bool EmergencyStopped,
    bool Reconciled,
    bool DailyLimitReached,
    DateOnly Day,
    decimal DayStartBalance,
    decimal DailyRealizedPnl,
    decimal DailyLossLimitAmount,
    decimal WalletBalance,
    int OpenPositions,
    RiskParameters Parameters);
