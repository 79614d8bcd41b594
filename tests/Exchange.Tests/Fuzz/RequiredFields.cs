using System.Text.Json;

namespace TradingBot.Exchange.Tests.Fuzz;

/// <summary>
/// The presence oracle: after a mutation, are the fields a parser must insist on still there? Paths are relative to
/// the event (the combined-stream wrapper {"stream","data"} is looked through): <c>o.i</c>, <c>a.P[*].pa</c>,
/// <c>[*][4]</c>; <c>a|b</c> = either; a segment ending in <c>?</c> is optional (missing = nothing required below).
/// "Present" means not missing, not null and not the empty string.
/// </summary>
internal static class RequiredFields
{
    private static readonly JsonDocumentOptions s_options = new() { MaxDepth = 10_000 };

    /// <summary>The first required path that is absent, or null when all are present (or the input is not JSON at all).</summary>
    public static string? FirstMissing(byte[] utf8, IReadOnlyList<string> paths, bool streamFrame = true)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(utf8, s_options);
        }
        catch (JsonException)
        {
            return null;
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (streamFrame && root.ValueKind == JsonValueKind.Object && root.TryGetProperty("stream", out _) && root.TryGetProperty("data", out var data))
            {
                root = data;
            }

            foreach (var path in paths)
            {
                if (!path.Split('|').Any(alternative => Present(root, Tokens(alternative), 0)))
                {
                    return path;
                }
            }

            return null;
        }
    }

    /// <summary>True when the input is valid JSON except that some object repeats a property name.</summary>
    public static bool HasDuplicateProperties(byte[] utf8)
    {
        try
        {
            using var lenient = JsonDocument.Parse(utf8, s_options);
        }
        catch (JsonException)
        {
            return false;
        }

        try
        {
            using var strict = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 10_000, AllowDuplicateProperties = false });
            return false;
        }
        catch (JsonException)
        {
            return true;
        }
    }

    private static List<string> Tokens(string path)
    {
        var tokens = new List<string>();
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = part;
            var bracket = name.IndexOf('[', StringComparison.Ordinal);
            if (bracket != 0)
            {
                tokens.Add(bracket < 0 ? name : name[..bracket]);
            }

            while (bracket >= 0)
            {
                var end = name.IndexOf(']', bracket);
                tokens.Add(name[bracket..(end + 1)]);
                bracket = name.IndexOf('[', end);
            }
        }

        return tokens;
    }

    private static bool Present(JsonElement node, List<string> tokens, int at)
    {
        if (at == tokens.Count)
        {
            return node.ValueKind switch
            {
                JsonValueKind.Null or JsonValueKind.Undefined => false,
                JsonValueKind.String => !node.ValueEquals(string.Empty),
                _ => true,
            };
        }

        var token = tokens[at];
        if (token == "[*]")
        {
            return node.ValueKind == JsonValueKind.Array && node.EnumerateArray().All(e => Present(e, tokens, at + 1));
        }

        if (token.StartsWith('['))
        {
            var index = int.Parse(token[1..^1], System.Globalization.CultureInfo.InvariantCulture);
            return node.ValueKind == JsonValueKind.Array && node.GetArrayLength() > index && Present(node[index], tokens, at + 1);
        }

        var optional = token.EndsWith('?');
        var name = optional ? token[..^1] : token;
        if (node.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (!node.TryGetProperty(name, out var child) || child.ValueKind == JsonValueKind.Null)
        {
            return optional;
        }

        return Present(child, tokens, at + 1);
    }
}
