namespace TradingBot.Silo.Bench;

/// <summary>Silo settings of the bench runs.</summary>
internal static class BenchSettings
{
    /// <summary>
    /// Lets the strategies' signals through as often as the configuration allows, so a run sees many entries:
    /// up to 5 positions, small risk per trade, the widest daily loss limit. Timing is unaffected by these values.
    /// </summary>
    public static Dictionary<string, string?> ManyEntries() => new()
    {
        ["Trading:Risk:MaxOpenPositions"] = "5",
        ["Trading:Risk:RiskPerTrade"] = "0.002",
        ["Trading:Risk:DailyLossLimit"] = "0.2",
        ["Trading:Risk:MinRewardToRisk"] = "0.5",
    };
}
