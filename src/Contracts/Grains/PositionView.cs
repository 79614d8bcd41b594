using TradingBot.Contracts.Market;

namespace TradingBot.Contracts.Grains;

/// <summary>A position as the bot sees it (flat when Quantity is 0).</summary>
public sealed record PositionView(
    string Symbol,
    string? PositionId,
    string Strategy,
    Direction Direction,
    decimal Quantity,
    decimal EntryPrice,
    decimal MarkPrice,
    decimal UnrealizedPnl,
    int Leverage,
    decimal? StopLoss,
    decimal? TakeProfit,
    bool StopLive,
    bool TakeProfitLive,
    DateTimeOffset? OpenedAt);
