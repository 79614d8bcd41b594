using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace TradingBot.Exchange.Tests.Support;

/// <summary>A request the fake saw: method, path, raw query, raw body and parsed parameters (query + body).</summary>
internal sealed record SeenRequest(string Method, string Path, string Query, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public IReadOnlyList<KeyValuePair<string, string>> Parameters =>
        [.. ParseForm(Query.TrimStart('?')), .. ParseForm(Body)];

    public IReadOnlySet<string> ParameterNames => Parameters.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);

    public string? Param(string name) => Parameters.FirstOrDefault(p => p.Key == name).Value;

    public static IEnumerable<KeyValuePair<string, string>> ParseForm(string s)
    {
        if (string.IsNullOrEmpty(s))
        {
            yield break;
        }

        foreach (var pair in s.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            yield return eq < 0
                ? new(Uri.UnescapeDataString(pair), "")
                : new(Uri.UnescapeDataString(pair[..eq]), Uri.UnescapeDataString(pair[(eq + 1)..]));
        }
    }
}

/// <summary>Scripted reply.</summary>
internal sealed record FakeReply(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, Exception? Throw = null)
{
    public static FakeReply Json(string body, int status = 200) => new(status, body);

    public static FakeReply Error(int code, string msg, int status = 400) =>
        new(status, $"{{\"code\":{code},\"msg\":\"{msg}\"}}");
}

/// <summary>
/// In-memory HttpMessageHandler: routes by "METHOD /path" to a responder; records every request.
/// Unrouted requests get 404 with a Binance-shaped body.
/// </summary>
internal sealed class FakeHttp : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, Func<SeenRequest, FakeReply>> _routes = new(StringComparer.Ordinal);

    public FakeHttp()
    {
        // Every signed call syncs the clock first; answer it by default.
        On("GET", "/fapi/v1/time", _ => FakeReply.Json($"{{\"serverTime\":{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}}}"));
    }

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    public IEnumerable<SeenRequest> To(string method, string path) =>
        Requests.Where(r => r.Method == method && r.Path == path);

    public FakeHttp On(string method, string path, Func<SeenRequest, FakeReply> responder)
    {
        _routes[method + " " + path] = responder;
        return this;
    }

    public FakeHttp OnJson(string method, string path, string body) => On(method, path, _ => FakeReply.Json(body));

    /// <summary>Replies in sequence; the last reply repeats.</summary>
    public FakeHttp OnSequence(string method, string path, params FakeReply[] replies)
    {
        var i = 0;
        return On(method, path, _ => replies[Math.Min(Interlocked.Increment(ref i) - 1, replies.Length - 1)]);
    }

    public HttpClient Client() => new(this) { Timeout = Timeout.InfiniteTimeSpan };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var seen = new SeenRequest(request.Method.Method, request.RequestUri!.AbsolutePath, request.RequestUri.Query, body, headers);
        Requests.Enqueue(seen);
        var reply = _routes.TryGetValue(seen.Method + " " + seen.Path, out var responder)
            ? responder(seen)
            : FakeReply.Error(-1000, "no route in fake", 404);
        if (reply.Throw is not null)
        {
            throw reply.Throw;
        }

        var response = new HttpResponseMessage((HttpStatusCode)reply.Status)
        {
            Content = new StringContent(reply.Body, Encoding.UTF8, "application/json"),
            RequestMessage = request,
        };
        foreach (var (k, v) in reply.Headers ?? new Dictionary<string, string>())
        {
            response.Headers.TryAddWithoutValidation(k, v);
        }

        return response;
    }
}
