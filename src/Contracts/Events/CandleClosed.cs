using TradingBot.Runtime;
using TradingBot.Contracts.Market;

namespace TradingBot.Contracts.Events;

/// <summary>candle_closed: a kline with x=true arrived (or was back-filled).</summary>
public sealed record CandleClosed(Candle Candle) : IBotEvent
{
    public MessagePriority Priority => MessagePriority.Normal;
}
