using TradingBot.Runtime;
using TradingBot.Contracts.Market;
using TradingBot.Contracts.Trading;

namespace TradingBot.Contracts.Events;

/// <summary>position_closed: realized PnL is net of <see cref="Fees"/> (entry and exit commissions).</summary>
public sealed record PositionClosed(string PositionId, string Strategy, string Symbol, Direction Direction, decimal EntryPrice, decimal ExitPrice, decimal Quantity, decimal RealizedPnl, decimal Fees, ExitReason Reason, decimal RMultiple, DateTimeOffset OpenedAt, DateTimeOffset At) : IBotEvent
{
    public MessagePriority Priority => MessagePriority.High;
}
