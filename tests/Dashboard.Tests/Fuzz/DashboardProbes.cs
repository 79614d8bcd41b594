using System.Text;
using System.Text.RegularExpressions;
using TradingBot.Dashboard.Tests.Hosting;
using TradingBot.Exchange.Tests.Fuzz;

namespace TradingBot.Dashboard.Tests.Fuzz;

/// <summary>Builds the fuzzed requests for every mapped endpoint (read from the app's route table).</summary>
internal static partial class DashboardProbes
{
    public const string Json = "application/json";

    private static readonly string[] s_queries =
    [
        "?limit=abc", "?limit=-1", "?limit=0", "?limit=99999999999999999999", "?limit=1e3", "?limit=%00", "?limit=%ZZ",
        "?limit=1&limit=2", "?after=-5", "?after=9223372036854775808", "?before=abc", "?limit=NaN", "?limit=%20%205",
        "?limit=%EF%BC%95", "?%E0%A4%A=1", "?" + new string('q', 4000) + "=1", "?limit[]=1", "?limit=1;DROP%20TABLE%20audit",
    ];

    private static readonly string[] s_pathValues =
    [
        "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fappsettings.json", "%00", new string('A', 3000), "%E2%80%AE", "BTCUSDT%20OR%201%3D1",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "con", "%C0%AE%C0%AE", "..%5C..%5Cweb.config", "%FF%FE", "-1", "9999999999999999999999",
    ];

    private static readonly string[] s_contentTypes =
    [
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-16",
        "application/json-patch+json", "*/*", "application/json; charset=\"bogus\"", "a/b;;;", "",
    ];

    /// <summary>Paths that match no endpoint: traversal out of the static asset folders and into hidden pages.</summary>
    public static readonly string[] TraversalPaths =
    [
        "/css/..%2F..%2Fappsettings.json", "/js/%2e%2e%2fpages%2ftrading.html", "/lib/..%5C..%5CTradingBot.Dashboard.dll",
        "/api/%2e%2e/%2e%2e/etc/passwd", "/pages/trading.html", "/js/..%2Fpages%2Fcontrols.html", "/%2e%2e/%2e%2e/etc/passwd",
        "/api/trading/..%2F..%2F..%2Fappsettings.json", "/css/%252e%252e/appsettings.json", "/api/audit/../../audit.db", "/audit.db",
    ];

    /// <summary>A valid body for each state-changing endpoint (the mutation seed); "{}" otherwise.</summary>
    public static string SeedBody(MappedEndpoint endpoint) => endpoint.Key switch
    {
        "PUT /api/control/entries" => """{"allowed": false}""",
        "PUT /api/control/strategies/{strategy}" => """{"enabled": true}""",
        "PUT /api/control/parameters" => """{"values": {"leverage": 6, "stopLossTolerancePercent": "0.25", "riskPerTradePercent": 1.5}}""",
        "POST /auth/login" => """{"password": "not the password"}""",
        _ => "{}",
    };

    /// <summary>Signed-in probes: bad queries, bad route values, mutated bodies, wrong content types, huge and deep bodies.</summary>
    public static IEnumerable<HttpProbe> SignedIn(MappedEndpoint endpoint, int mutations)
    {
        var hasBody = EndpointCatalog.IsStateChanging(endpoint.Method);
        var seed = SeedBody(endpoint);
        byte[]? SeedBytes() => hasBody ? HttpProbe.Utf8(seed) : null;
        string? SeedType() => hasBody ? Json : null;

        foreach (var query in s_queries)
        {
            yield return new(endpoint.Key, "query", endpoint.Method, endpoint.Url + query, SeedBytes(), SeedType(), MustRefuse: false);
        }

        foreach (Match parameter in RouteParameter().Matches(endpoint.Key))
        {
            foreach (var value in s_pathValues)
            {
                var url = ConcreteWith(endpoint, parameter.Groups[1].Value, value);
                yield return new(endpoint.Key, "route value", endpoint.Method, url, SeedBytes(), SeedType(), MustRefuse: false);
            }
        }

        if (!hasBody)
        {
            // A GET with a body is odd but legal HTTP: it must be ignored or refused, never a crash.
            yield return new(endpoint.Key, "body on GET", endpoint.Method, endpoint.Url, HttpProbe.Utf8("{\"x\":"), Json, MustRefuse: false);
            yield break;
        }

        var mutator = new JsonMutator(FuzzSeeds.For("dashboard " + endpoint.Key));
        for (var i = 0; i < mutations; i++)
        {
            var input = mutator.Mutate(seed);
            yield return new(endpoint.Key, "mutated body [" + string.Join("+", input.Operators) + "]", endpoint.Method, endpoint.Url, input.Utf8, Json, MustRefuse: false);
        }

        foreach (var type in s_contentTypes)
        {
            yield return new(endpoint.Key, "content type", endpoint.Method, endpoint.Url, HttpProbe.Utf8(seed), type.Length == 0 ? null : type, MustRefuse: false);
        }

        yield return new(endpoint.Key, "empty body", endpoint.Method, endpoint.Url, [], Json, MustRefuse: false);
        yield return new(endpoint.Key, "no body", endpoint.Method, endpoint.Url, null, null, MustRefuse: false);
        yield return new(endpoint.Key, "2 MB string", endpoint.Method, endpoint.Url, HttpProbe.Utf8("{\"values\":{\"leverage\":\"" + new string('9', 2 << 20) + "\"},\"allowed\":\"" + new string('x', 1000) + "\"}"), Json, MustRefuse: false);
        yield return new(endpoint.Key, "100k-deep nesting", endpoint.Method, endpoint.Url, HttpProbe.Utf8(new string('[', 100_000) + new string(']', 100_000)), Json, MustRefuse: false);
        yield return new(endpoint.Key, "10k keys", endpoint.Method, endpoint.Url, HttpProbe.Utf8("{\"values\":{" + string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"\"k{i}\":{i}")) + "}}"), Json, MustRefuse: false);
        yield return new(endpoint.Key, "invalid UTF-8", endpoint.Method, endpoint.Url, [.. "{\"values\":{\""u8, 0xC0, 0xAF, 0xFF, .. "\":1}}"u8], Json, MustRefuse: false);
    }

    /// <summary>Requests without a valid session: none, forged, tampered. Every non-public endpoint must refuse them.</summary>
    public static IEnumerable<(HttpProbe Probe, string? Cookie)> WithoutSession(MappedEndpoint endpoint, string realCookie)
    {
        var body = EndpointCatalog.IsStateChanging(endpoint.Method) ? HttpProbe.Utf8(SeedBody(endpoint)) : null;
        var type = body is null ? null : Json;
        var mustRefuse = !EndpointCatalog.Public.Contains(endpoint.Key);
        var tampered = new StringBuilder(realCookie);
        var at = tampered.Length / 2;
        tampered[at] = tampered[at] == 'A' ? 'B' : 'A';
        (string Name, string? Cookie)[] variants =
        [
            ("no cookie", null),
            ("forged cookie", "tb.session=CfDJ8" + new string('x', 200)),
            ("garbage cookie", "tb.session=%00%FF;;=="),
            ("tampered cookie", "tb.session=" + tampered),
            ("empty cookie", "tb.session="),
        ];
        foreach (var (name, cookie) in variants)
        {
            yield return (new HttpProbe(endpoint.Key, name, endpoint.Method, endpoint.Url, body, type, mustRefuse), cookie);
        }
    }

    private static string ConcreteWith(MappedEndpoint endpoint, string parameter, string value)
    {
        var pattern = endpoint.Key[(endpoint.Key.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        return RouteParameter().Replace(pattern, m => m.Groups[1].Value == parameter ? value : m.Groups[1].Value switch
        {
            "symbol" => "BTCUSDT",
            "timeframe" => "15m",
            "strategy" => "A",
            "id" => "bt-1",
            _ => "x",
        });
    }

    [GeneratedRegex(@"\{\*{0,2}([A-Za-z]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
