using TradingBot.Runtime;
using TradingBot.Contracts.Trading;

namespace TradingBot.Contracts.Events;

/// <summary>signal_generated: a strategy's rules were met.</summary>
public sealed record SignalGenerated(TradeSignal Signal) : IBotEvent
{
    public MessagePriority Priority => MessagePriority.High;
}
