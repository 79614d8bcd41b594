using TradingBot.Contracts.Trading;

namespace TradingBot.Contracts.Grains;

/// <summary>An order the bot decided to send, persisted before sending (the outbox row of an order).</summary>
public sealed record OrderIntent(string ClientOrderId, string Symbol, OrderSide Side, OrderPurpose Purpose, decimal Quantity, string Status, int Attempts, string? Error, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
