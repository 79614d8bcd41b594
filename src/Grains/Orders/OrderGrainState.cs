using System.Text.Json.Serialization;
using TradingBot.Contracts.Grains;
using TradingBot.Contracts.Trading;

namespace TradingBot.Grains.Orders;

/// <summary>
/// Persisted state of the OrderGrain (state name "order"): the intent outbox, only the intents still in flight.
/// It is written before every entry leaves, so it stays as small as the number of orders on the wire; finished
/// intents move to <see cref="OrderHistoryState"/>. Schema 1 kept finished intents here too (up to 200, all
/// rewritten before each send); the grain moves them out at activation.
/// </summary>
public sealed class OrderGrainState
{
    [JsonPropertyName("schema")]
    public int SchemaVersion { get; set; } = 2;

    [JsonPropertyName("intents")]
    public List<OrderIntentRecord> Intents { get; set; } = [];
}

/// <summary>Persisted state of the OrderGrain (state name "order-history"): the most recent finished intents, oldest first.</summary>
public sealed class OrderHistoryState
{
    [JsonPropertyName("intents")]
    public List<OrderIntentRecord> Intents { get; set; } = [];
}

/// <summary>One entry intent with what is needed to finish it after a restart.</summary>
public sealed class OrderIntentRecord
{
    [JsonPropertyName("id")]
    public string ClientOrderId { get; set; } = "";

    [JsonPropertyName("order")]
    public ApprovedOrder? Order { get; set; }

    [JsonPropertyName("status")]
    public string Status { get; set; } = OrderIntentStatus.Pending;

    [JsonPropertyName("attempts")]
    public int Attempts { get; set; }

    [JsonPropertyName("generation")]
    public int Generation { get; set; }

    [JsonPropertyName("error")]
    public string? Error { get; set; }

    [JsonPropertyName("created")]
    public DateTimeOffset CreatedAt { get; set; }

    [JsonPropertyName("updated")]
    public DateTimeOffset UpdatedAt { get; set; }

    public OrderIntent ToIntent() =>
        new(ClientOrderId, Order?.Symbol ?? "", Order?.EntrySide ?? OrderSide.Buy, OrderPurpose.Entry, Order?.Quantity ?? 0, Status, Attempts, Error, CreatedAt, UpdatedAt);
}

/// <summary>Intent statuses.</summary>
public static class OrderIntentStatus
{
    public const string Pending = "PENDING";
    public const string Filled = "FILLED";
    public const string Failed = "FAILED";
}
