namespace TradingBot.Exchange.Model.Events;

/// <summary>Which stream a connection event belongs to.</summary>
public enum StreamKind
{
    Market,
    User,
}

/// <summary>Connection state of a stream.</summary>
public enum StreamConnectionState
{
    /// <summary>Socket open and subscribed (after a reconnect: gap back-fill already delivered for klines).</summary>
    Connected,

    /// <summary>Socket lost or closed (rotation, server close, silence watchdog, error).</summary>
    Disconnected,

    /// <summary>Waiting before reconnect attempt <see cref="StreamStateChanged.Attempt"/>.</summary>
    Reconnecting,
}

/// <summary>A stream changed connection state. After a user-stream reconnect the consumer must reconcile over REST: events in the gap are lost.</summary>
/// <param name="Kind">Market or user stream.</param>
/// <param name="State">New state.</param>
/// <param name="Attempt">Reconnect attempt number (0 for the first connect).</param>
/// <param name="At">When (UTC).</param>
/// <param name="Reason">Why, for logs.</param>
/// <param name="Delay">Back-off before the next attempt (Reconnecting only).</param>
public sealed record StreamStateChanged(
    StreamKind Kind,
    StreamConnectionState State,
    int Attempt,
    DateTimeOffset At,
    string? Reason,
    TimeSpan? Delay = null) : StreamEvent;
