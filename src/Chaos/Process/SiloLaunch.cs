namespace TradingBot.Chaos.Process;

/// <summary>How every life of the child silo is started: the same assembly, folders and environment each time.</summary>
/// <param name="SiloAssembly">Path of trading-bot.dll (run with <c>dotnet</c>).</param>
/// <param name="WorkDirectory">Working directory (console logs go here).</param>
/// <param name="DataDirectory">The silo's SQLite folder; it survives kills, as /var/lib/trading-bot does.</param>
/// <param name="Environment">TRADINGBOT_* overrides and secrets.</param>
internal sealed record SiloLaunch(string SiloAssembly, string WorkDirectory, string DataDirectory, IReadOnlyDictionary<string, string> Environment);
