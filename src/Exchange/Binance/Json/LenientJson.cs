using System.Globalization;
using System.Text.Json;

namespace TradingBot.Exchange.Binance.Json;

/// <summary>
/// Binance sends numbers as JSON numbers or strings (and sometimes "" or null for "not set"); fields come and go.
/// These readers accept both forms, ignore unknown fields and refuse non-finite values.
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
        if (ms < -62135596800000L || ms > 253402300799999L)
        {
            throw new JsonParseException($"Timestamp {ms} is out of range.");
        }

        return DateTimeOffset.FromUnixTimeMilliseconds(ms);
    }

    private static bool IsNonFinite(string s) =>
        s.Contains("nan", StringComparison.OrdinalIgnoreCase) || s.Contains("inf", StringComparison.OrdinalIgnoreCase)
        || s.Contains('∞', StringComparison.Ordinal);

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
