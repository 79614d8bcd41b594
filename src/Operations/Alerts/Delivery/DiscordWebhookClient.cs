using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace TradingBot.Operations.Alerts.Delivery;

/// <summary>
/// One webhook POST and the reading of Discord's answer: 2xx delivered; 429 rate limited with
/// <c>retry_after</c> (JSON body, seconds, may be fractional) or the <c>Retry-After</c> header; 400/413/422 a
/// problem with this message (rejected, not retried); anything else, timeouts and network errors retryable.
/// </summary>
internal sealed class DiscordWebhookClient
{
    private static readonly TimeSpan s_defaultRateLimitWait = TimeSpan.FromSeconds(1);
    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    public DiscordWebhookClient(HttpClient http, TimeProvider time)
    {
        _http = http;
        _time = time;
    }

    public async Task<WebhookResult> PostAsync(Uri webhook, string content, TimeSpan timeout, CancellationToken cancellation)
    {
        // allowed_mentions: an alert text must never ping @everyone, whatever an error message contains.
        var body = JsonSerializer.Serialize(new WebhookMessage(content, new AllowedMentions([])), WebhookJson.Default.WebhookMessage);
        using var timeoutSource = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, timeoutSource.Token);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, webhook)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
            return await ReadAsync(response, linked.Token);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return new WebhookResult(WebhookOutcome.Retryable, null, $"timeout after {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
        }
        catch (HttpRequestException e)
        {
            return new WebhookResult(WebhookOutcome.Retryable, null, "network error: " + e.Message);
        }
    }

    private static async Task<WebhookResult> ReadAsync(HttpResponseMessage response, CancellationToken cancellation)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            // Bucket exhausted: wait for the reset before the next message instead of collecting a 429.
            var exhausted = Header(response, "X-RateLimit-Remaining") == "0";
            return new WebhookResult(WebhookOutcome.Delivered, exhausted ? Seconds(Header(response, "X-RateLimit-Reset-After")) : null, null);
        }

        var text = await response.Content.ReadAsStringAsync(cancellation);
        var summary = string.Create(CultureInfo.InvariantCulture, $"HTTP {status} {response.ReasonPhrase}: {Shorten(text)}");
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var wait = RetryAfterFromBody(text)
                ?? RetryAfterHeader(response)
                ?? Seconds(Header(response, "X-RateLimit-Reset-After"))
                ?? s_defaultRateLimitWait;
            return new WebhookResult(WebhookOutcome.RateLimited, wait, summary);
        }

        if (status is 400 or 413 or 422)
        {
            return new WebhookResult(WebhookOutcome.Rejected, null, summary);
        }

        // The webhook itself is wrong: every alert would fail, so keep order and retry until the URL is fixed.
        return status is 401 or 403 or 404
            ? new WebhookResult(WebhookOutcome.Retryable, null, summary + " (webhook URL invalid or deleted: fix DISCORD_WEBHOOK_URL and restart)")
            : new WebhookResult(WebhookOutcome.Retryable, null, summary);
    }

    private static TimeSpan? RetryAfterFromBody(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object &&
                json.RootElement.TryGetProperty("retry_after", out var value) &&
                value.ValueKind == JsonValueKind.Number &&
                value.TryGetDouble(out var seconds) && seconds >= 0 && seconds < TimeSpan.MaxValue.TotalSeconds)
            {
                return TimeSpan.FromSeconds(seconds);
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page): fall back to the headers.
        }

        return null;
    }

    private static TimeSpan? RetryAfterHeader(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return Seconds(Header(response, "Retry-After"));
    }

    private static TimeSpan? Seconds(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && seconds < 86_400
            ? TimeSpan.FromSeconds(seconds)
            : null;

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static string Shorten(string text)
    {
        text = text.ReplaceLineEndings(" ").Trim();
        return text.Length <= 200 ? text : text[..200] + "…";
    }
}
