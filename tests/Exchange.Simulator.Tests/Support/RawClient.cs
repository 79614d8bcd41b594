using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using TradingBot.Exchange.Simulator.Server.Rest;

namespace TradingBot.Exchange.Simulator.Tests.Support;

/// <summary>Minimal hand-rolled Binance REST caller for protocol tests (independent of src/Exchange).</summary>
internal sealed class RawClient(Uri baseUrl, string apiKey, string secret, Func<long> timestamp) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(10) };

    public sealed record Reply(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Raw)
    {
        public int Code => Body is JsonObject o && o["code"] is JsonValue v && v.TryGetValue<int>(out var c) && c < 0 ? c : 0;
    }

    public Task<Reply> Public(string path, string query = "") => Send(HttpMethod.Get, path, query, null, withKey: false);

    public Task<Reply> Signed(HttpMethod method, string path, string parameters = "", bool inBody = false)
    {
        var payload = (parameters.Length > 0 ? parameters + "&" : string.Empty) + "timestamp=" + timestamp().ToString(CultureInfo.InvariantCulture);
        var signed = payload + "&signature=" + RequestSignature.Sign(secret, payload);
        return inBody ? Send(method, path, string.Empty, signed, true) : Send(method, path, signed, null, true);
    }

    public Task<Reply> KeyOnly(HttpMethod method, string path, string query = "") => Send(method, path, query, null, true);

    public async Task<Reply> Send(HttpMethod method, string path, string query, string? body, bool withKey, string? keyOverride = null)
    {
        using var request = new HttpRequestMessage(method, path + (query.Length > 0 ? "?" + query : string.Empty));
        if (withKey)
        {
            request.Headers.Add("X-MBX-APIKEY", keyOverride ?? apiKey);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded");
        }

        var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response);
    }

    public void Dispose() => _http.Dispose();
}
