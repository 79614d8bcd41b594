using TradingBot.Runtime;
namespace TradingBot.Contracts.Exchange;

/// <summary>A mark price update for one symbol.</summary>
public sealed record MarkPriceChanged(string Symbol, decimal MarkPrice, DateTimeOffset At) : Events.IBotEvent
{
    public MessagePriority Priority => MessagePriority.Low;
}
