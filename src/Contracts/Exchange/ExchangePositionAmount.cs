namespace TradingBot.Contracts.Exchange;

/// <summary>A position as the exchange sees it: signed amount (one-way mode) and entry price.</summary>
public sealed record ExchangePositionAmount(string Symbol, decimal Amount, decimal EntryPrice);
