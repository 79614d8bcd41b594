using System.Text.Json;
using System.Text.Json.Nodes;
using TradingBot.Exchange.Simulator.Tests.Support;

namespace TradingBot.Exchange.Simulator.Tests.Contract;

/// <summary>Loads reference payloads and compares JSON shapes (field names and JSON value kinds).</summary>
internal static class Fixtures
{
    private static readonly JsonDocumentOptions s_lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>binance-net endpoint fixture: lines 1–3 are method, path, signed; the rest is the body.</summary>
    public static JsonNode Endpoint(string relative)
    {
        var lines = File.ReadAllLines(SharedData.Binance("binance-net", "Endpoints", "UsdFutures", relative));
        return JsonNode.Parse(string.Join('\n', lines.Skip(3)), documentOptions: s_lenient)!;
    }

    /// <summary>binance-net subscription fixture: the pushed message after the line starting with '='; returns its "data".</summary>
    public static JsonNode Stream(string file)
    {
        var text = File.ReadAllText(SharedData.Binance("binance-net", "Subscriptions", "UsdFutures", file));
        var start = text.IndexOf("\n=", StringComparison.Ordinal);
        return JsonNode.Parse(text[(start + 2)..], documentOptions: s_lenient)!["data"]!;
    }

    /// <summary>official-sdk-examples operation example response.</summary>
    public static JsonNode Official(string file, string operation) =>
        JsonNode.Parse(File.ReadAllText(SharedData.Binance("official-sdk-examples", file)))!["operations"]![operation]!["exampleResponse"]!;

    /// <summary>
    /// Every field of <paramref name="expected"/> must exist in <paramref name="actual"/> with the same JSON kind
    /// (true/false count as one kind; fixture nulls and the generator's "None" accept anything). Arrays compare their first items.
    /// </summary>
    public static List<string> ShapeDifferences(JsonNode? expected, JsonNode? actual, IReadOnlySet<string>? ignore = null, string path = "$")
    {
        var differences = new List<string>();
        Compare(expected, actual, ignore ?? new HashSet<string>(), path, differences);
        return differences;
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, IReadOnlySet<string> ignore, string path, List<string> differences)
    {
        if (expected is null || (expected is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == "None"))
        {
            return;
        }

        if (actual is null)
        {
            differences.Add($"{path}: missing or null (expected {Kind(expected)})");
            return;
        }

        switch (expected)
        {
            case JsonObject eo when actual is JsonObject ao:
                foreach (var (name, value) in eo)
                {
                    if (ignore.Contains(name))
                    {
                        continue;
                    }

                    if (!ao.ContainsKey(name))
                    {
                        differences.Add($"{path}.{name}: missing");
                        continue;
                    }

                    Compare(value, ao[name], ignore, $"{path}.{name}", differences);
                }

                break;
            case JsonArray ea when actual is JsonArray aa:
                // An empty actual array has nothing to contradict (callers assert non-emptiness where it matters).
                if (ea.Count > 0 && ea[0] is JsonValue && aa.Count == ea.Count)
                {
                    for (var i = 0; i < ea.Count; i++)
                    {
                        Compare(ea[i], aa[i], ignore, $"{path}[{i}]", differences);
                    }
                }
                else if (ea.Count > 0 && aa.Count > 0)
                {
                    Compare(ea[0], aa[0], ignore, $"{path}[0]", differences);
                }

                break;
            default:
                if (Kind(expected) != Kind(actual))
                {
                    differences.Add($"{path}: expected {Kind(expected)}, got {Kind(actual)} ({actual.ToJsonString()})");
                }

                break;
        }
    }

    private static string Kind(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.True or JsonValueKind.False => "bool",
        var k => k.ToString(),
    };
}
