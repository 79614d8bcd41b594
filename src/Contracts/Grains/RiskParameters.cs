namespace TradingBot.Contracts.Grains;

/// <summary>The operational risk parameters that can change without a restart.</summary>
public sealed record RiskParameters(decimal RiskPerTrade, int Leverage, decimal DailyLossLimit, bool CloseOnDailyLimit, decimal MinRewardToRisk, int MaxOpenPositions);
