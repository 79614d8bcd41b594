namespace TradingBot.Contracts.Grains;

/// <summary>A strategy's switch and activity.</summary>
public sealed record StrategyStatus(string Name, bool Enabled, long BarsEvaluated, long SignalsProposed, DateTimeOffset? LastSignalAt);
