using TradingBot.Runtime;
namespace TradingBot.Contracts.Events;

/// <summary>ws_connected / ws_disconnected / ws_reconnecting / ws_error for one exchange stream.</summary>
public sealed record ConnectionStateChanged(string ConnectionId, ConnectionState State, int RetryCount, string? Error, DateTimeOffset At) : IBotEvent
{
    public MessagePriority Priority => State == ConnectionState.Disconnected ? MessagePriority.Critical : MessagePriority.Normal;
}
