using TradingBot.Runtime;
namespace TradingBot.Contracts.Events;

/// <summary>system_started / system_stopped / system_error / emergency_stop.</summary>
public sealed record SystemEvent(SystemEventKind Kind, string Message, string? ErrorDetails, DateTimeOffset At) : IBotEvent
{
    public MessagePriority Priority => Kind is SystemEventKind.Error or SystemEventKind.EmergencyStop ? MessagePriority.Critical : MessagePriority.Normal;
}
