using System.Globalization;
using System.Text.Json;

namespace TradingBot.Exchange.Binance.Json;

/// <summary>
/// Binance sends numbers as JSON numbers or strings (and sometimes "" or null for "not set"); fields come and go.
/// These readers accept both forms, ignore unknown fields and refuse non-finite values. The <c>Required*</c>
/// readers and range guards are for fields whose absence or sign would otherwise turn into a silently wrong value
/// (a missing fill quantity read as 0, a negative price, an event time of 1970).
/// </summary>
internal static class LenientJson
{
    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    public static bool TryProp(this JsonElement obj, string name, out JsonElement value)
    {
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out value)
            && value.ValueKind is not JsonValueKind.Null and not JsonValueKind.Undefined)
        {
            return true;
        }

        value = default;
        return false;
    }

    public static decimal Dec(this JsonElement obj, string name) => obj.DecOrNull(name) ?? 0m;

    public static decimal? DecOrNull(this JsonElement obj, string name) =>
        obj.TryProp(name, out var v) ? ToDecimal(v, name) : null;

    public static decimal? ToDecimal(JsonElement v, string name)
    {
        switch (v.ValueKind)
        {
            case JsonValueKind.Number:
                if (v.TryGetDecimal(out var d))
                {
                    return d;
                }

                throw new JsonParseException($"'{name}' is out of decimal range.");
            case JsonValueKind.String:
                var s = v.GetString()!.Trim();
                if (s.Length == 0 || s == "None")
                {
                    return null;
                }

                if (decimal.TryParse(s, DecimalStyle, CultureInfo.InvariantCulture, out var parsed))
                {
                    return parsed;
                }

                if (IsNonFinite(s))
                {
                    throw new JsonParseException($"'{name}' is not finite: {s}", nonFinite: true);
                }

                throw new JsonParseException($"'{name}' is not a number: {Truncate(s)}");
            default:
                throw new JsonParseException($"'{name}' has JSON type {v.ValueKind}, expected a number.");
        }
    }

    /// <summary>A number that must be present (not missing, null, "" or "None").</summary>
    public static decimal RequiredDec(this JsonElement obj, string name) => obj.DecOrNull(name) ?? throw Missing(name);

    /// <summary>An integer that must be present.</summary>
    public static long RequiredLong(this JsonElement obj, string name) => obj.LongOrNull(name) ?? throw Missing(name);

    /// <summary>An exchange id (order, algo, trade): present and positive.</summary>
    public static long RequiredId(this JsonElement obj, string name)
    {
        var id = obj.RequiredLong(name);
        return id > 0 ? id : throw new JsonParseException($"'{name}' is not a positive id: {id}.");
    }

    /// <summary>A timestamp in Unix milliseconds that must be present and after 1970.</summary>
    public static DateTimeOffset RequiredTime(this JsonElement obj, string name)
    {
        var ms = obj.RequiredLong(name);
        return ms > 0 ? FromMs(ms) : throw new JsonParseException($"'{name}' is not a positive timestamp: {ms}.");
    }

    /// <summary>Refuses a negative quantity, price or margin.</summary>
    public static decimal NotNegative(this decimal value, string name) =>
        value >= 0 ? value : throw new JsonParseException($"'{name}' is negative: {value}.");

    /// <summary>Refuses a zero or negative price, tick or step.</summary>
    public static decimal Positive(this decimal value, string name) =>
        value > 0 ? value : throw new JsonParseException($"'{name}' must be positive: {value}.");

    /// <summary>A reply that must be a JSON object with no repeated property names (see <see cref="RequireUniqueProperties"/>).</summary>
    public static void RequireObject(JsonElement element, string what)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonParseException($"{what} is {element.ValueKind}, expected an object.");
        }

        RequireUniqueProperties(element);
    }

    /// <summary>
    /// Refuses an object (at any depth) that repeats a property name: {"q":"1","q":"-1"} has no single meaning and
    /// System.Text.Json would silently pick one of them.
    /// </summary>
    public static void RequireUniqueProperties(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                HashSet<string>? seen = null;
                foreach (var property in element.EnumerateObject())
                {
                    seen ??= new HashSet<string>(StringComparer.Ordinal);
                    if (!seen.Add(property.Name))
                    {
                        throw new JsonParseException($"Property '{Truncate(property.Name)}' appears twice.");
                    }

                    RequireUniqueProperties(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    RequireUniqueProperties(item);
                }

                break;
            default:
                break;
        }
    }

    public static long Long(this JsonElement obj, string name) => obj.LongOrNull(name) ?? 0L;

    public static long? LongOrNull(this JsonElement obj, string name) =>
        obj.TryProp(name, out var v) ? ToLong(v, name) : null;

    public static long? ToLong(JsonElement v, string name)
    {
        switch (v.ValueKind)
        {
            case JsonValueKind.Number:
                if (v.TryGetInt64(out var l))
                {
                    return l;
                }

                throw new JsonParseException($"'{name}' is not an integer.");
            case JsonValueKind.String:
                var s = v.GetString()!.Trim();
                if (s.Length == 0)
                {
                    return null;
                }

                if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
                {
                    return parsed;
                }

                if (IsNonFinite(s))
                {
                    throw new JsonParseException($"'{name}' is not finite: {s}", nonFinite: true);
                }

                throw new JsonParseException($"'{name}' is not an integer: {Truncate(s)}");
            default:
                throw new JsonParseException($"'{name}' has JSON type {v.ValueKind}, expected an integer.");
        }
    }

    public static int Int(this JsonElement obj, string name)
    {
        var l = obj.Long(name);
        return l is >= int.MinValue and <= int.MaxValue ? (int)l : throw new JsonParseException($"'{name}' is out of int range.");
    }

    public static string Str(this JsonElement obj, string name) => obj.StrOrNull(name) ?? "";

    public static string? StrOrNull(this JsonElement obj, string name)
    {
        if (!obj.TryProp(name, out var v))
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
            _ => throw new JsonParseException($"'{name}' has JSON type {v.ValueKind}, expected a string."),
        };
    }

    public static string RequiredStr(this JsonElement obj, string name)
    {
        var s = obj.StrOrNull(name);
        return string.IsNullOrEmpty(s) ? throw new JsonParseException($"'{name}' is missing.") : s;
    }

    public static bool Bool(this JsonElement obj, string name)
    {
        if (!obj.TryProp(name, out var v))
        {
            return false;
        }

        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(v.GetString(), out var b) => b,
            JsonValueKind.Number => v.TryGetInt64(out var n) && n != 0,
            _ => throw new JsonParseException($"'{name}' is not a boolean."),
        };
    }

    public static DateTimeOffset Time(this JsonElement obj, string name) => FromMs(obj.Long(name));

    public static DateTimeOffset? TimeOrNull(this JsonElement obj, string name)
    {
        var ms = obj.LongOrNull(name);
        return ms is null or 0 ? null : FromMs(ms.Value);
    }

    public static DateTimeOffset FromMs(long ms)
    {
        // Exchange times are never before 1970: a negative value is damage, not a date.
        if (ms < 0 || ms > 253402300799999L)
        {
            throw new JsonParseException($"Timestamp {ms} is out of range.");
        }

        return DateTimeOffset.FromUnixTimeMilliseconds(ms);
    }

    private static JsonParseException Missing(string name) => new($"'{name}' is missing.");

    private static bool IsNonFinite(string s) =>
        s.Contains("nan", StringComparison.OrdinalIgnoreCase) || s.Contains("inf", StringComparison.OrdinalIgnoreCase)
        || s.Contains('∞', StringComparison.Ordinal);

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
