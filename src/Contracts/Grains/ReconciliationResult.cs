namespace TradingBot.Contracts.Grains;

/// <summary>What start-up reconciliation found and did for one symbol.</summary>
public sealed record ReconciliationResult(string Symbol, bool Consistent, bool Adopted, int ProtectionPlaced, int OrphansCancelled, string Detail);
