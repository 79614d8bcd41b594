namespace TradingBot.Dashboard.Health;

/// <summary>The public liveness document served at <c>GET /api/health</c>.</summary>
/// <param name="Status">"ok" while the silo serves requests.</param>
/// <param name="Mode">paper, testnet, mainnet or backtest.</param>
/// <param name="UptimeSeconds">Seconds since the host started.</param>
/// <param name="Version">The running build's informational version.</param>
/// <param name="StartedAt">UTC start time.</param>
/// <param name="Details">Mode-specific facts (stream states, last candles); never secrets.</param>
public sealed record HealthReport(
    string Status,
    string Mode,
    double UptimeSeconds,
    string Version,
    DateTimeOffset StartedAt,
    IReadOnlyDictionary<string, object?> Details);
