using System.Text.Json.Serialization;
using TradingBot.Contracts.Grains;

namespace TradingBot.Grains.Risk;

/// <summary>Persisted state of the RiskGrain (state name "risk"): switches and the day's loss, in one record.</summary>
public sealed class RiskGrainState
{
    [JsonPropertyName("schema")]
    public int SchemaVersion { get; set; } = 1;

    [JsonPropertyName("entriesAllowed")]
    public bool EntriesAllowed { get; set; } = true;

    [JsonPropertyName("emergency")]
    public bool EmergencyStopped { get; set; }

    [JsonPropertyName("day")]
    public DateOnly Day { get; set; }

    [JsonPropertyName("dayStartBalance")]
    public decimal DayStartBalance { get; set; }

    [JsonPropertyName("dailyPnl")]
    public decimal DailyRealizedPnl { get; set; }

    [JsonPropertyName("limitNotifiedDay")]
    public DateOnly? LimitNotifiedDay { get; set; }

    /// <summary>Parameters changed live from the dashboard; null = use configuration.</summary>
    [JsonPropertyName("parameters")]
    public RiskParameters? Parameters { get; set; }

    /// <summary>Positions closed already counted, so a redelivered event is not counted twice.</summary>
    [JsonPropertyName("counted")]
    public List<string> CountedPositions { get; set; } = [];
}
