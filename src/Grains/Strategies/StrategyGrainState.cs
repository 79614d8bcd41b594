using System.Text.Json.Serialization;

namespace TradingBot.Grains.Strategies;

/// <summary>
/// Persisted state of a StrategyGrain (state name "strategy"): the switch, and the used evidence as of the last
/// checkpoint. Evidence used since then is in <see cref="StrategyRecentState"/>, so a signal rewrites a few keys
/// instead of the whole memory (up to 4096 keys). Schema 1 wrote everything here on every signal; it reads as a
/// checkpoint with nothing newer.
/// </summary>
public sealed class StrategyGrainState
{
    [JsonPropertyName("schema")]
    public int SchemaVersion { get; set; } = 2;

    [JsonPropertyName("enabled")]
    public bool Enabled { get; set; } = true;

    /// <summary>Primary evidence already used, as of the last checkpoint, oldest first.</summary>
    [JsonPropertyName("used")]
    public List<string> UsedEvidence { get; set; } = [];

    /// <summary>Signals proposed, as of the last checkpoint.</summary>
    [JsonPropertyName("signals")]
    public long SignalsProposed { get; set; }

    [JsonPropertyName("lastSignalAt")]
    public DateTimeOffset? LastSignalAt { get; set; }
}

/// <summary>
/// Persisted state of a StrategyGrain (state name "strategy-recent"), written with every signal: the evidence used
/// since the last checkpoint of <see cref="StrategyGrainState"/> (fewer than <see cref="EvidenceCheckpoint.Every"/>
/// keys, oldest first) and the current counters. Together the two hold what a restart needs so as not to re-fire an
/// old setup.
/// </summary>
public sealed class StrategyRecentState
{
    [JsonPropertyName("used")]
    public List<string> UsedEvidence { get; set; } = [];

    [JsonPropertyName("signals")]
    public long SignalsProposed { get; set; }

    [JsonPropertyName("lastSignalAt")]
    public DateTimeOffset? LastSignalAt { get; set; }
}
