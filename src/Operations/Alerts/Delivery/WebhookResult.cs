namespace TradingBot.Operations.Alerts.Delivery;

/// <summary>What a webhook POST came to.</summary>
internal enum WebhookOutcome
{
    Delivered,
    RateLimited,
    Retryable,
    Rejected,
}

/// <param name="RetryAfter">Discord's wait for a 429 (body <c>retry_after</c> or header); null otherwise.</param>
/// <param name="Error">Status and a short reason, never the URL.</param>
internal sealed record WebhookResult(WebhookOutcome Outcome, TimeSpan? RetryAfter, string? Error);
