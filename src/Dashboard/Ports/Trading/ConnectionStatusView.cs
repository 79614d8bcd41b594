namespace TradingBot.Dashboard.Ports.Trading;

/// <summary>State of one exchange WebSocket.</summary>
/// <param name="Name">e.g. "market BTCUSDT 1m" or "user data".</param>
/// <param name="State">Connected, Connecting, Reconnecting or Disconnected.</param>
/// <param name="LastMessageAt">UTC time of the last frame received.</param>
/// <param name="Reconnects">Reconnections since start.</param>
public sealed record ConnectionStatusView(string Name, string State, DateTimeOffset? LastMessageAt, int Reconnects);
