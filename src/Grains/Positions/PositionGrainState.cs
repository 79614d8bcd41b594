using System.Text.Json.Serialization;
using TradingBot.Trading.Positions;

namespace TradingBot.Grains.Positions;

/// <summary>
/// Persisted state of a PositionGrain (state name "position"). Quantity, price, PnL and protection
/// live in this one record so they always change together.
/// </summary>
public sealed class PositionGrainState
{
    [JsonPropertyName("schema")]
    public int SchemaVersion { get; set; } = 1;

    [JsonPropertyName("ledger")]
    public PositionLedger Ledger { get; set; } = new();

    [JsonPropertyName("leverage")]
    public int Leverage { get; set; }

    [JsonPropertyName("stopLive")]
    public bool StopLive { get; set; }

    [JsonPropertyName("targetLive")]
    public bool TakeProfitLive { get; set; }

    [JsonPropertyName("stopGen")]
    public int StopGeneration { get; set; }

    [JsonPropertyName("targetGen")]
    public int TakeProfitGeneration { get; set; }

    /// <summary>Child order id of a triggered algo order → that algo order's client id.</summary>
    [JsonPropertyName("children")]
    public Dictionary<long, string> Children { get; set; } = [];

    [JsonPropertyName("adopted")]
    public bool Adopted { get; set; }
}
