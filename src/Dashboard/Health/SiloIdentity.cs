namespace TradingBot.Dashboard.Health;

/// <summary>What the host knows about itself: mode, version and start time.</summary>
public sealed record SiloIdentity(string Mode, string Version, DateTimeOffset StartedAt);
