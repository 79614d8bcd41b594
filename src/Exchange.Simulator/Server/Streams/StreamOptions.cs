namespace TradingBot.Exchange.Simulator.Server.Streams;

/// <summary>WebSocket housekeeping (Binance: ping every 3 min, drop after 10 min without pong, cut at 24 h, 10 msgs/s).</summary>
public sealed record StreamOptions
{
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromMinutes(3);
    public TimeSpan PongTimeout { get; init; } = TimeSpan.FromMinutes(10);
    public TimeSpan MaxConnectionLifetime { get; init; } = TimeSpan.FromHours(24);
    public int MaxIncomingMessagesPerSecond { get; init; } = 10;
    public int MaxStreamsPerConnection { get; init; } = 1024;

    /// <summary>Pending outgoing messages after which a slow reader is disconnected.</summary>
    public int MaxPendingMessages { get; init; } = 50_000;
}
