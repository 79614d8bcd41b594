using TradingBot.Contracts.Market;
using TradingBot.Contracts.Trading;

namespace TradingBot.Trading.Journal;

/// <summary>One closed trade as stored in the <c>trades</c> table.</summary>
public sealed record TradeRecord(
    string PositionId,
    string Strategy,
    string Symbol,
    Direction Direction,
    decimal EntryPrice,
    decimal ExitPrice,
    decimal Quantity,
    decimal RealizedPnl,
    decimal Fees,
    decimal RMultiple,
    ExitReason ExitReason,
    DateTimeOffset OpenedAt,
    DateTimeOffset ClosedAt);
