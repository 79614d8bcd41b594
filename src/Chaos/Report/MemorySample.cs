namespace TradingBot.Chaos.Report;

/// <summary>VmRSS of the child silo at one moment.</summary>
/// <param name="Life">Which start of the silo (1 = first).</param>
/// <param name="Step">Market step.</param>
/// <param name="MarketTime">Simulated time.</param>
/// <param name="WallSeconds">Real seconds since the run started.</param>
/// <param name="ResidentBytes">VmRSS.</param>
public sealed record MemorySample(int Life, long Step, DateTimeOffset MarketTime, double WallSeconds, long ResidentBytes);
