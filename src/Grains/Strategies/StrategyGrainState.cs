using System.Text.Json.Serialization;

namespace TradingBot.Grains.Strategies;

/// <summary>Persisted state of a StrategyGrain (state name "strategy").</summary>
public sealed class StrategyGrainState
{
    [JsonPropertyName("schema")]
    public int SchemaVersion { get; set; } = 1;

    [JsonPropertyName("enabled")]
    public bool Enabled { get; set; } = true;

    /// <summary>Primary evidence already used, so a restart never re-fires an old setup.</summary>
    [JsonPropertyName("used")]
    public List<string> UsedEvidence { get; set; } = [];

    [JsonPropertyName("signals")]
    public long SignalsProposed { get; set; }

    [JsonPropertyName("lastSignalAt")]
    public DateTimeOffset? LastSignalAt { get; set; }
}
