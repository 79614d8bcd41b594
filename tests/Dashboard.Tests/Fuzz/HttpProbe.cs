using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using TradingBot.Exchange.Tests.Fuzz;

namespace TradingBot.Dashboard.Tests.Fuzz;

/// <summary>One fuzzed request: what to send and what the dashboard must answer.</summary>
/// <param name="Target">Table row: the endpoint's route key (or a probe name for paths that match no endpoint).</param>
/// <param name="Variant">How it was damaged, for the failure message.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Url">Relative URL (already percent-encoded where it matters).</param>
/// <param name="Body">Body bytes, or null for none.</param>
/// <param name="ContentType">Content-Type header value; null = none.</param>
/// <param name="MustRefuse">True when any 2xx would be a security failure (no session, forged token, traversal).</param>
internal sealed record HttpProbe(string Target, string Variant, string Method, string Url, byte[]? Body, string? ContentType, bool MustRefuse)
{
    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Url);
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);
            request.Content.Headers.ContentType = null;
            if (ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        return request;
    }

    public MutatedInput AsInput() => new([Variant, $"{Method} {Url}", ContentType ?? "no content type"], Body ?? []);

    /// <summary>Sends the probe and records the outcome; returns the status code.</summary>
    public async Task<HttpStatusCode> RunAsync(HttpClient client, FuzzTally tally)
    {
        var row = tally.For(Target);
        row.Try();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var request = ToRequest();
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        row.Spent(System.Diagnostics.Stopwatch.GetElapsedTime(started));
        if (status >= 500)
        {
            tally.Violation(Target, $"answered {status} {Shorten(body)}", AsInput());
        }
        else if (status >= 400 || (status == 302 && IsLoginRedirect(response)))
        {
            if (status >= 400 && !HasMessage(response.Content.Headers.ContentType, body) && !RejectedByKestrel(response, body))
            {
                tally.Violation(Target, $"answered {status} without a message (body '{Shorten(body)}', content type {response.Content.Headers.ContentType}, length {response.Content.Headers.ContentLength}, connection {response.Headers.Connection})", AsInput());
            }
            else
            {
                row.Reject();
            }
        }
        else if (MustRefuse)
        {
            tally.Violation(Target, $"answered {status} to a request it must refuse: {Shorten(body)}", AsInput());
        }
        else
        {
            row.Accept();
        }

        return response.StatusCode;
    }

    /// <summary>
    /// Kestrel itself refuses malformed HTTP (e.g. a %00 in the path) with an empty 400 and closes the connection,
    /// before any middleware runs: no application code can add a message there.
    /// </summary>
    private static bool RejectedByKestrel(HttpResponseMessage response, string body) =>
        (int)response.StatusCode == 400 && body.Length == 0 && response.Headers.ConnectionClose == true;

    private static bool IsLoginRedirect(HttpResponseMessage response) =>
        response.Headers.Location?.OriginalString.StartsWith("/login", StringComparison.Ordinal) == true;

    /// <summary>A JSON error body must carry a non-empty "error" (or a refused action's "message", or problem "detail"/"title"); any other body must be non-blank text.</summary>
    private static bool HasMessage(MediaTypeHeaderValue? contentType, string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return false;
        }

        if (contentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return true;
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && new[] { "error", "message", "detail", "title" }.Any(name => doc.RootElement.TryGetProperty(name, out var value)
                    && value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length > 0);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Shorten(string s) => s.Length <= 160 ? s : s[..160] + "…";

    public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
