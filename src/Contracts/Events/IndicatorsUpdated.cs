using TradingBot.Runtime;
using TradingBot.Contracts.Market;

namespace TradingBot.Contracts.Events;

/// <summary>indicators_updated: the ICT state of one symbol/timeframe after a closed candle.</summary>
public sealed record IndicatorsUpdated(IndicatorSnapshot Snapshot) : IBotEvent
{
    public MessagePriority Priority => MessagePriority.Normal;
}
