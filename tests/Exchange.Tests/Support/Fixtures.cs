using System.Text;
using System.Text.Json;

namespace TradingBot.Exchange.Tests.Support;

/// <summary>Readers for the shared Binance fixture formats.</summary>
internal static class Fixtures
{
    /// <summary>A binance-net endpoint file: method, path, signed flag, JSON body.</summary>
    public sealed record Endpoint(string Method, string Path, bool Signed, string Body);

    public static Endpoint BinanceNetEndpoint(string relative)
    {
        var lines = File.ReadAllLines(SharedData.BinanceFile("binance-net", "Endpoints", "UsdFutures", relative));
        return new Endpoint(lines[0].Trim(), lines[1].Trim(), bool.Parse(lines[2].Trim()), string.Join('\n', lines.Skip(3)));
    }

    /// <summary>Serves a binance-net endpoint fixture on the fake.</summary>
    public static FakeHttp Serve(this FakeHttp http, string relative)
    {
        var e = BinanceNetEndpoint(relative);
        return http.OnJson(e.Method, e.Path, e.Body);
    }

    /// <summary>The pushed message (after the "=" line) of a binance-net subscription file, as UTF-8.</summary>
    public static byte[] BinanceNetPush(string name)
    {
        var text = File.ReadAllText(SharedData.BinanceFile("binance-net", "Subscriptions", "UsdFutures", name + ".txt"));
        var at = text.IndexOf("\n=", StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(text[(at + 2)..].Trim());
    }

    public static JsonElement Json(params string[] relative)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SharedData.BinanceFile(relative)));
        return doc.RootElement.Clone();
    }

    public static JsonElement SdkOperation(string file, string operation) =>
        Json("official-sdk-examples", file + ".json").GetProperty("operations").GetProperty(operation);

    public static string SdkResponse(string file, string operation) =>
        SdkOperation(file, operation).GetProperty("exampleResponse").GetRawText();

    public static IEnumerable<JsonElement> CcxtRequests(string method) =>
        Json("ccxt", "binance-usdm-request-fixtures.json").GetProperty("methods").GetProperty(method).EnumerateArray();

    public static JsonElement CcxtResponse(string method, int index = 0) =>
        Json("ccxt", "binance-usdm-response-fixtures.json").GetProperty("methods").GetProperty(method)[index].GetProperty("httpResponse");
}
