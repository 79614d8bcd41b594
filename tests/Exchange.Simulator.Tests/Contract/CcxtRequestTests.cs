using System.Globalization;
using System.Text.Json.Nodes;
using TradingBot.Exchange.Simulator.Hosting;
using TradingBot.Exchange.Simulator.Server.Rest;
using TradingBot.Exchange.Simulator.Tests.Support;

namespace TradingBot.Exchange.Simulator.Tests.Contract;

public sealed class CcxtRequestTests
{
    // Codes that mean "the request shape is wrong" (as opposed to business outcomes such as unknown order or margin).
    private static readonly HashSet<int> s_shapeErrors = [-1100, -1101, -1102, -1103, -1104, -1105, -1106, -1115, -1116, -1117, -1120, -1121, -1130, -1021, -1022, -4120];

    private static readonly HashSet<string> s_implemented =
    [
        "/fapi/v1/order", "/fapi/v1/algoOrder", "/fapi/v1/allOpenOrders", "/fapi/v1/algoOpenOrders", "/fapi/v1/openOrders",
        "/fapi/v1/openOrder", "/fapi/v1/allOrders", "/fapi/v1/allAlgoOrders", "/fapi/v1/openAlgoOrders", "/fapi/v1/userTrades",
        "/fapi/v1/klines", "/fapi/v1/premiumIndex", "/fapi/v1/fundingRate", "/fapi/v1/leverage", "/fapi/v1/marginType",
        "/fapi/v1/positionSide/dual", "/fapi/v1/symbolConfig", "/fapi/v3/positionRisk", "/fapi/v3/account", "/fapi/v1/commissionRate",
    ];

    [SharedDataFact]
    public async Task Every_ccxt_request_to_an_implemented_endpoint_is_accepted_as_a_request_shape()
    {
        var root = JsonNode.Parse(File.ReadAllText(SharedData.Binance("ccxt", "binance-usdm-request-fixtures.json")))!;
        var entries = root["methods"]!.AsObject()
            .SelectMany(m => m.Value!.AsArray().Select(e => (Method: m.Key, Entry: e!)))
            .Select(x => (x.Method, x.Entry, Url: new Uri(x.Entry["url"]!.GetValue<string>())))
            .Where(x => s_implemented.Contains(x.Url.AbsolutePath))
            .ToList();
        entries.Should().HaveCountGreaterThan(40);
        var symbols = entries.SelectMany(x => Params(x.Url.Query.TrimStart('?')).Concat(Params(x.Entry["output"]?.GetValue<string>() ?? string.Empty)))
            .Where(p => p.Key == "symbol").Select(p => p.Value).Distinct().ToList();

        var clock = new ManualClock(SimulatorFixture.ServerStart);
        await using var sim = await SimulatorHost.StartAsync(new SimulatorOptions
        {
            Speed = 0,
            Clock = clock,
            Start = SimulatorFixture.MarketStart,
            Symbols = symbols.Union(["BTCUSDT", "ETHUSDT"]).ToArray(),
            StartingBalance = 1_000_000m,
        });
        foreach (var symbol in sim.Venue.Engine.Symbols)
        {
            sim.PushCandle(symbol.Symbol, SimulatorFixture.Flat(SimulatorFixture.MarketStart, symbol.Symbol == "BTCUSDT" ? 50_000m : 60m));
        }

        using var client = new RawClient(sim.RestBaseUrl, sim.ApiKey, sim.ApiSecret, () => 0);
        var failures = new List<string>();
        foreach (var (method, entry, url) in entries)
        {
            var http = HttpMethodOf(method, entry);
            var rawBody = entry["output"]?.GetValue<string>();
            var (query, body) = Resign(url.Query.TrimStart('?'), rawBody, clock, sim.ApiSecret);
            var reply = await client.Send(http, url.AbsolutePath, query, body, withKey: true);
            var code = reply.Code;
            if (KnownUnsupported(http, query + body) is { } expected)
            {
                // Not simulated (order modification, trailing stops): must be refused cleanly, not mis-executed.
                ((int)reply.Status == 405 || code == expected).Should().BeTrue($"{url.PathAndQuery} {body} -> {reply.Body?.ToJsonString()}");
                continue;
            }

            if (s_shapeErrors.Contains(code) || (int)reply.Status is 404 or 405 or >= 500)
            {
                failures.Add($"{method} {http} {url.PathAndQuery} {rawBody} -> {(int)reply.Status} {reply.Body?.ToJsonString()}");
            }
        }

        failures.Should().BeEmpty();
    }

    private static int? KnownUnsupported(HttpMethod method, string parameters) =>
        method == HttpMethod.Put ? 0 : parameters.Contains("type=TRAILING_STOP_MARKET", StringComparison.Ordinal) ? -1116 : null;

    private static HttpMethod HttpMethodOf(string ccxtMethod, JsonNode entry) => ccxtMethod switch
    {
        _ when ccxtMethod.StartsWith("cancel", StringComparison.Ordinal) => HttpMethod.Delete,
        _ when ccxtMethod.StartsWith("edit", StringComparison.Ordinal) => HttpMethod.Put,
        _ when ccxtMethod.StartsWith("fetch", StringComparison.Ordinal) => HttpMethod.Get,
        _ => HttpMethod.Post,
    };

    private static IEnumerable<KeyValuePair<string, string>> Params(string raw) =>
        raw.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).Select(p => KeyValuePair.Create(p[0], p.Length > 1 ? Uri.UnescapeDataString(p[1]) : string.Empty));

    /// <summary>Replaces timestamp with the server's now and re-signs query + body where ccxt put the signature; keeps every other byte.</summary>
    private static (string Query, string? Body) Resign(string query, string? body, ManualClock clock, string secret)
    {
        var now = "timestamp=" + clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        string Clean(string raw) => string.Join('&', raw.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("signature=", StringComparison.Ordinal))
            .Select(p => p.StartsWith("timestamp=", StringComparison.Ordinal) ? now : p));
        var signedInBody = body?.Contains("signature=", StringComparison.Ordinal) == true;
        var signedInQuery = query.Contains("signature=", StringComparison.Ordinal);
        var q = Clean(query);
        var b = body is null ? null : Clean(body);
        var signature = "signature=" + RequestSignature.Sign(secret, q + (b ?? string.Empty));
        if (signedInBody)
        {
            return (q, b + "&" + signature);
        }

        return signedInQuery ? (q + "&" + signature, b) : (q, b);
    }
}
