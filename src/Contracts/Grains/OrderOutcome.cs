namespace TradingBot.Contracts.Grains;

/// <summary>Result of an entry attempt.</summary>
public sealed record OrderOutcome(string ClientOrderId, bool Filled, decimal FilledQuantity, decimal AveragePrice, int Attempts, string? Error);
