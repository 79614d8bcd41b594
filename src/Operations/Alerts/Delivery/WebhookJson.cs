using System.Text.Json.Serialization;

namespace TradingBot.Operations.Alerts.Delivery;

/// <summary>The webhook body: <c>{"content": "...", "allowed_mentions": {"parse": []}}</c>.</summary>
internal sealed record WebhookMessage(
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("allowed_mentions")] AllowedMentions AllowedMentions);

internal sealed record AllowedMentions([property: JsonPropertyName("parse")] IReadOnlyList<string> Parse);

[JsonSerializable(typeof(WebhookMessage))]
internal sealed partial class WebhookJson : JsonSerializerContext;
