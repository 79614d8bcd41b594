using System.Diagnostics;

namespace TradingBot.Dashboard.Health;

/// <summary>What the host knows about itself: mode, version and start time.</summary>
/// <param name="Mode">paper, testnet, mainnet or backtest.</param>
/// <param name="Version">The running build's informational version.</param>
/// <param name="StartedAt">Wall-clock UTC start time.</param>
/// <param name="StartedTimestamp">Stopwatch timestamp at start; uptime never follows a simulated clock.</param>
public sealed record SiloIdentity(string Mode, string Version, DateTimeOffset StartedAt, long StartedTimestamp)
{
    public TimeSpan Uptime => Stopwatch.GetElapsedTime(StartedTimestamp);
}
