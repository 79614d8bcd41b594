namespace TradingBot.Contracts.Events;

/// <summary>State of an exchange WebSocket.</summary>
public enum ConnectionState
{
    Connected,
    Disconnected,
    Reconnecting,
    Error,
}
