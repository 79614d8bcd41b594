using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TradingBot.Exchange.Tests.Fuzz;

/// <summary>One mutated input: the operators applied (for the failure message) and the bytes to feed.</summary>
/// <param name="Operators">Names of the mutation operators, in order.</param>
/// <param name="Utf8">The mutated payload.</param>
internal sealed record MutatedInput(IReadOnlyList<string> Operators, byte[] Utf8)
{
    public string Text => Encoding.UTF8.GetString(Utf8);

    public string Describe() => $"[{string.Join(" + ", Operators)}] {Shorten(Text)}";

    private static string Shorten(string s) => s.Length <= 600 ? s : s[..600] + "…";
}

/// <summary>
/// Seeded JSON mutation engine. Structure-aware operators parse the seed into a tree and change it (delete a field,
/// swap a value's type, huge/non-finite/negative/zero numbers, odd unicode, duplicated keys, deep nesting, wrong or
/// missing event type and time); raw operators then damage the bytes (bit flips, truncation, garbage, invalid UTF-8).
/// Values a tree cannot hold (1e400, duplicate keys, 5,000-deep arrays) are spliced in as raw text.
/// The same seed and inputs always produce the same sequence of variants.
/// </summary>
internal sealed class JsonMutator(int seed)
{
    private const string PlaceholderPrefix = "\u0001raw#";

    private static readonly string[] s_eventTypes =
    [
        "kline", "markPriceUpdate", "ORDER_TRADE_UPDATE", "ALGO_UPDATE", "ACCOUNT_UPDATE", "TRADE_LITE",
        "ACCOUNT_CONFIG_UPDATE", "listenKeyExpired", "MARGIN_CALL", "order_trade_update", "", " kline", "KLINE",
    ];

    private static readonly string[] s_hugeNumbers =
    [
        "1e400", "-1e400", "1e-400", "79228162514264337593543950336", "-79228162514264337593543950336",
        "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890.123456789",
        "0.000000000000000000000000000000000001", "1E+29", "2147483648", "-2147483649", "253402300800000",
    ];

    private static readonly string[] s_nonFinite =
    [
        "NaN", "nan", "Infinity", "-Infinity", "+Infinity", "inf", "-inf", "∞", "-∞", "1e999", "NaN0", "Inf",
    ];

    private static readonly string[] s_oddStrings =
    [
        "", " ", "\u0000", "BTC\u0000USDT", "\u202eTDSUCTB", "💥", "\ud83d", "１２３", "١٢٣", " 5 ", "\t5\n", "1,000", "1_000",
        "0x1A", "+5", ".5", "5.", "--5", "5e", "e5", "5-", "1.2.3", "0,5", "None", "null", "true", "-0", "00012",
        "\u00a05", "5\u200b", "ＢＴＣＵＳＤＴ", "btcusdt", "BUY ", "buy", "SELL\u0000", "LONG", "FILLED\n", "TRADE\t",
        new string('9', 400), new string('x', 5000),
    ];

    private static readonly Operator[] s_structural =
    [
        new("delete-field", 6, (m, r) => m.DeleteField(r)),
        new("type-swap", 6, (m, r) => m.TypeSwap(r)),
        new("huge-number", 4, (m, r) => m.ReplaceLeaf(r, _ => m.Raw(m.Pick(s_hugeNumbers)))),
        new("huge-number-string", 2, (m, r) => m.ReplaceLeaf(r, _ => JsonValue.Create(m.Pick(s_hugeNumbers)))),
        new("non-finite", 4, (m, r) => m.ReplaceLeaf(r, _ => JsonValue.Create(m.Pick(s_nonFinite)))),
        new("negate", 5, (m, r) => m.ReplaceNumeric(r, Negate)),
        new("zero", 3, (m, r) => m.ReplaceNumeric(r, v => v is JsonValue jv && jv.GetValueKind() == JsonValueKind.String ? JsonValue.Create("0") : JsonValue.Create(0))),
        new("odd-string", 5, (m, r) => m.ReplaceLeaf(r, _ => JsonValue.Create(m.Pick(s_oddStrings)))),
        new("duplicate-key", 3, (m, r) => m.DuplicateKey(r)),
        new("deep-nesting", 2, (m, r) => m.ReplaceAny(r, _ => m.Raw(DeepNesting(m.Next(2) == 0, m.Next(4) == 0 ? 5000 : 20 + m.Next(200))))),
        new("wrong-event-type", 3, (m, r) => m.SetEventField(r, "e", JsonValue.Create(m.Pick(s_eventTypes)))),
        new("missing-e-or-E", 3, (m, r) => m.RemoveEventField(r, m.Next(2) == 0 ? "e" : "E")),
        new("time-warp", 2, (m, r) => m.SetEventField(r, m.Next(2) == 0 ? "E" : "T", m.Pick<JsonNode?>([JsonValue.Create(-1), JsonValue.Create(0), m.Raw("253402300800000"), JsonValue.Create("2024-01-01"), null]))),
        new("array-edit", 3, (m, r) => m.EditArray(r)),
        new("unwrap-or-wrap", 1, (m, r) => m.WrapRoot(r)),
    ];

    private static readonly RawOperator[] s_raw =
    [
        new("bit-flip", 4, (m, b) => m.FlipBits(b)),
        new("truncate", 4, (m, b) => b.Length == 0 ? b : b[..m.Next(b.Length)]),
        new("garbage-bytes", 3, (m, b) => m.InsertGarbage(b)),
        new("delete-range", 2, (m, b) => m.DeleteRange(b)),
        new("duplicate-range", 2, (m, b) => m.DuplicateRange(b)),
        new("empty-body", 1, (_, _) => []),
        new("whitespace-body", 1, (_, _) => " \r\n\t "u8.ToArray()),
        new("bom-prefix", 1, (_, b) => [0xEF, 0xBB, 0xBF, .. b]),
        new("trailing-garbage", 1, (m, b) => [.. b, .. m.Pick<byte[]>(["}"u8.ToArray(), "]"u8.ToArray(), ",{}"u8.ToArray(), [0x00], "{\"e\":1}"u8.ToArray()])]),
        new("other-json-root", 1, (m, _) => Encoding.UTF8.GetBytes(m.Pick(["null", "[]", "{}", "\"str\"", "42", "true", "[{}]"]))),
    ];

    private readonly Random _random = new(seed);
    private readonly Dictionary<string, string> _raw = new(StringComparer.Ordinal);
    private string? _rootText;

    private sealed record Operator(string Name, int Weight, Func<JsonMutator, JsonNode, bool> Apply);

    private sealed record RawOperator(string Name, int Weight, Func<JsonMutator, byte[], byte[]> Apply);

    /// <summary>Produces the next variant of <paramref name="seedJson"/>: 1–3 stacked operators, mostly structural.</summary>
    public MutatedInput Mutate(string seedJson)
    {
        _raw.Clear();
        _rootText = null;
        var applied = new List<string>();
        var count = 1 + (Next(10) < 6 ? 0 : Next(10) < 7 ? 1 : 2);
        JsonNode? tree = null;
        try
        {
            tree = JsonNode.Parse(seedJson);
        }
        catch (JsonException)
        {
            // Not a tree: raw operators only.
        }

        var rawTurns = 0;
        for (var i = 0; i < count; i++)
        {
            if (tree is not null && _rootText is null && Next(10) < 8)
            {
                var op = PickWeighted(s_structural, o => o.Weight);
                if (op.Apply(this, tree))
                {
                    applied.Add(op.Name);
                }
            }
            else
            {
                rawTurns++;
            }
        }

        if (applied.Count == 0 && rawTurns == 0)
        {
            rawTurns = 1;
        }

        var bytes = Encoding.UTF8.GetBytes(tree is null ? seedJson : Render(tree));
        for (var i = 0; i < rawTurns; i++)
        {
            var op = PickWeighted(s_raw, o => o.Weight);
            bytes = op.Apply(this, bytes);
            applied.Add(op.Name);
        }

        return new MutatedInput(applied, bytes);
    }

    private static JsonNode? Negate(JsonNode? value)
    {
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            var s = v.GetValue<string>().Trim();
            return JsonValue.Create(s.StartsWith('-') ? s[1..] : "-" + (s.Length == 0 ? "1" : s));
        }

        var raw = value?.ToJsonString() ?? "1";
        return JsonValue.Create(raw.StartsWith('-') ? decimal.Parse(raw[1..], NumberStyles.Float, CultureInfo.InvariantCulture) : -decimal.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture) - (raw == "0" ? 1 : 0));
    }

    private static string DeepNesting(bool arrays, int depth)
    {
        var sb = new StringBuilder(depth * 6);
        for (var i = 0; i < depth; i++)
        {
            sb.Append(arrays ? "[" : "{\"a\":");
        }

        sb.Append('1');
        for (var i = 0; i < depth; i++)
        {
            sb.Append(arrays ? ']' : '}');
        }

        return sb.ToString();
    }

    private static bool IsNumeric(JsonNode? node) =>
        node is JsonValue v && (v.GetValueKind() == JsonValueKind.Number
            || (v.GetValueKind() == JsonValueKind.String && decimal.TryParse(v.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out _)));

    private int Next(int max) => _random.Next(max);

    private T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    private T PickWeighted<T>(IReadOnlyList<T> items, Func<T, int> weight)
    {
        var total = items.Sum(weight);
        var roll = Next(total);
        foreach (var item in items)
        {
            roll -= weight(item);
            if (roll < 0)
            {
                return item;
            }
        }

        return items[^1];
    }

    /// <summary>A placeholder string node that <see cref="Render"/> replaces by <paramref name="text"/> verbatim.</summary>
    private JsonNode Raw(string text)
    {
        var key = PlaceholderPrefix + _raw.Count.ToString(CultureInfo.InvariantCulture);
        _raw[key] = text;
        return JsonValue.Create(key);
    }

    private string Render(JsonNode tree)
    {
        var text = _rootText ?? tree.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        // Placeholders may nest (a duplicated key's raw object can hold another placeholder): substitute newest first.
        foreach (var (key, raw) in _raw.Reverse())
        {
            var quoted = JsonSerializer.Serialize(key, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            text = text.Replace(quoted, raw, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Every node below the root with a way to replace it.</summary>
    private static List<(JsonNode? Node, Action<JsonNode?> Set)> Slots(JsonNode root)
    {
        var result = new List<(JsonNode?, Action<JsonNode?>)>();
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var name in obj.Select(p => p.Key).ToList())
                    {
                        var child = obj[name];
                        result.Add((child, v => obj[name] = v));
                        Walk(child);
                    }

                    break;
                case JsonArray arr:
                    for (var i = 0; i < arr.Count; i++)
                    {
                        var index = i;
                        var child = arr[i];
                        result.Add((child, v => arr[index] = v));
                        Walk(child);
                    }

                    break;
                default:
                    break;
            }
        }

        Walk(root);
        return result;
    }

    private static List<JsonObject> Objects(JsonNode root) =>
        [.. new[] { root }.Concat(Slots(root).Select(s => s.Node)).OfType<JsonObject>()];

    private bool ReplaceAny(JsonNode root, Func<JsonNode?, JsonNode?> make)
    {
        var slots = Slots(root);
        if (slots.Count == 0)
        {
            return false;
        }

        var (node, set) = Pick(slots);
        set(make(node?.DeepClone()));
        return true;
    }

    private bool ReplaceLeaf(JsonNode root, Func<JsonNode?, JsonNode?> make)
    {
        var leaves = Slots(root).Where(s => s.Node is null or JsonValue).ToList();
        if (leaves.Count == 0)
        {
            return false;
        }

        var (node, set) = Pick(leaves);
        set(make(node?.DeepClone()));
        return true;
    }

    private bool ReplaceNumeric(JsonNode root, Func<JsonNode?, JsonNode?> make)
    {
        var numeric = Slots(root).Where(s => IsNumeric(s.Node)).ToList();
        if (numeric.Count == 0)
        {
            return false;
        }

        var (node, set) = Pick(numeric);
        set(make(node?.DeepClone()));
        return true;
    }

    private bool DeleteField(JsonNode root)
    {
        var objects = Objects(root).Where(o => o.Count > 0).ToList();
        if (objects.Count == 0)
        {
            return false;
        }

        var obj = Pick(objects);
        obj.Remove(obj.ElementAt(Next(obj.Count)).Key);
        return true;
    }

    private bool TypeSwap(JsonNode root) => ReplaceAny(root, original => Next(10) switch
    {
        0 => JsonValue.Create(0),
        1 => JsonValue.Create(1.5m),
        2 => JsonValue.Create(original?.ToJsonString() ?? "null"),
        3 => null,
        4 => new JsonObject(),
        5 => new JsonArray(),
        6 => JsonValue.Create(Next(2) == 0),
        7 => new JsonArray(original),
        8 => new JsonObject { ["v"] = original },
        _ => JsonValue.Create("x"),
    });

    private bool DuplicateKey(JsonNode root)
    {
        var objects = Objects(root).Where(o => o.Count > 0).ToList();
        if (objects.Count == 0)
        {
            return false;
        }

        var obj = Pick(objects);
        var (name, value) = obj.ElementAt(Next(obj.Count));
        var other = Next(3) switch
        {
            0 => Negate(IsNumeric(value) ? value : JsonValue.Create("1")),
            1 => JsonValue.Create(Pick(s_oddStrings)),
            _ => value?.DeepClone(),
        };
        var members = obj.Select(p => (p.Key, Text: p.Value?.ToJsonString() ?? "null")).ToList();
        var duplicate = (Key: name, Text: other?.ToJsonString() ?? "null");
        if (Next(2) == 0)
        {
            members.Insert(0, duplicate);
        }
        else
        {
            members.Add(duplicate);
        }

        var raw = "{" + string.Join(",", members.Select(m => JsonSerializer.Serialize(m.Key) + ":" + m.Text)) + "}";
        if (ReferenceEquals(obj, root))
        {
            // The root cannot be replaced in place: the raw text becomes the whole document (later tree edits stop).
            _rootText = raw;
            return true;
        }

        var slot = Slots(root).First(s => ReferenceEquals(s.Node, obj));
        slot.Set(Raw(raw));
        return true;
    }

    private JsonObject? EventObject(JsonNode root)
    {
        if (root is not JsonObject obj)
        {
            return null;
        }

        return obj["data"] as JsonObject ?? obj;
    }

    private bool SetEventField(JsonNode root, string name, JsonNode? value)
    {
        if (EventObject(root) is not { } e)
        {
            return false;
        }

        e[name] = value;
        return true;
    }

    private bool RemoveEventField(JsonNode root, string name) => EventObject(root) is { } e && e.Remove(name);

    private bool EditArray(JsonNode root)
    {
        var arrays = new[] { root }.Concat(Slots(root).Select(s => s.Node)).OfType<JsonArray>().ToList();
        if (arrays.Count == 0)
        {
            return false;
        }

        var arr = Pick(arrays);
        switch (Next(4))
        {
            case 0 when arr.Count > 0:
                arr.RemoveAt(Next(arr.Count));
                break;
            case 1 when arr.Count > 0:
                arr.Add(arr[Next(arr.Count)]?.DeepClone());
                break;
            case 2:
                arr.Clear();
                break;
            default:
                arr.Add(Next(2) == 0 ? null : JsonValue.Create("extra"));
                break;
        }

        return true;
    }

    private bool WrapRoot(JsonNode root)
    {
        if (root is not JsonObject obj)
        {
            return false;
        }

        if (obj["data"] is JsonObject data && obj.ContainsKey("stream"))
        {
            // Unwrap: replace the wrapper's members by the inner event's.
            var inner = data.Select(p => (p.Key, p.Value?.DeepClone())).ToList();
            obj.Clear();
            foreach (var (k, v) in inner)
            {
                obj[k] = v;
            }
        }
        else
        {
            var inner = obj.Select(p => (p.Key, p.Value?.DeepClone())).ToList();
            obj.Clear();
            var wrapped = new JsonObject();
            foreach (var (k, v) in inner)
            {
                wrapped[k] = v;
            }

            obj["stream"] = "fuzz@stream";
            obj["data"] = Next(3) == 0 ? JsonValue.Create("not-an-object") : wrapped;
        }

        return true;
    }

    private byte[] FlipBits(byte[] b)
    {
        if (b.Length == 0)
        {
            return b;
        }

        var copy = (byte[])b.Clone();
        var flips = 1 + Next(4);
        for (var i = 0; i < flips; i++)
        {
            copy[Next(copy.Length)] ^= (byte)(1 << Next(8));
        }

        return copy;
    }

    private byte[] InsertGarbage(byte[] b)
    {
        var garbage = new byte[1 + Next(8)];
        for (var i = 0; i < garbage.Length; i++)
        {
            garbage[i] = Pick<byte>([0xFF, 0xC0, 0x80, 0xED, 0xA0, 0x00, (byte)'"', (byte)'\\', (byte)'{', (byte)'[', (byte)',', (byte)':', (byte)Next(256)]);
        }

        var at = Next(b.Length + 1);
        return [.. b[..at], .. garbage, .. b[at..]];
    }

    private byte[] DeleteRange(byte[] b)
    {
        if (b.Length < 2)
        {
            return [];
        }

        var from = Next(b.Length);
        var length = 1 + Next(Math.Min(32, b.Length - from));
        return [.. b[..from], .. b[(from + length)..]];
    }

    private byte[] DuplicateRange(byte[] b)
    {
        if (b.Length < 2)
        {
            return b;
        }

        var from = Next(b.Length);
        var length = 1 + Next(Math.Min(64, b.Length - from));
        return [.. b[..(from + length)], .. b[from..(from + length)], .. b[(from + length)..]];
    }
}
