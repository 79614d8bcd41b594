using System.Globalization;
using TradingBot.Exchange.Simulator.Matching;

namespace TradingBot.Exchange.Simulator.Server.Rest;

/// <summary>Parsed parameters of one REST call (query wins over body when a key is in both) plus the caller's key.</summary>
internal sealed class ApiRequest
{
    private readonly Dictionary<string, string> _values;

    public ApiRequest(Dictionary<string, string> values, string? apiKey, long serverTimeMs)
    {
        _values = values;
        ApiKey = apiKey ?? string.Empty;
        ServerTimeMs = serverTimeMs;
    }

    public string ApiKey { get; }

    public long ServerTimeMs { get; }

    public bool Has(string name) => _values.TryGetValue(name, out var v) && v.Length > 0;

    public string? Optional(string name) => _values.TryGetValue(name, out var v) && v.Length > 0 ? v : null;

    public string Required(string name) => Optional(name) ?? throw Errors.Mandatory(name);

    public decimal? OptionalDecimal(string name)
    {
        var text = Optional(name);
        if (text is null)
        {
            return null;
        }

        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Illegal(name);
    }

    public decimal RequiredDecimal(string name) => OptionalDecimal(name) ?? throw Errors.Mandatory(name);

    public long? OptionalLong(string name)
    {
        var text = Optional(name);
        if (text is null)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw Illegal(name);
    }

    public bool OptionalBool(string name, bool fallback = false) => Optional(name) switch
    {
        null => fallback,
        "true" or "TRUE" or "True" => true,
        "false" or "FALSE" or "False" => false,
        _ => throw new ExchangeRejectedException(-1130, $"Data sent for parameter '{name}' is not valid."),
    };

    public int Limit(int fallback, int max)
    {
        var limit = OptionalLong("limit") ?? fallback;
        if (limit < 1)
        {
            throw new ExchangeRejectedException(-1130, "Data sent for parameter 'limit' is not valid.");
        }

        return (int)Math.Min(limit, max);
    }

    private static ExchangeRejectedException Illegal(string name) =>
        new(-1100, $"Illegal characters found in parameter '{name}'; legal range is '^([0-9]{{1,20}})(\\.[0-9]{{1,20}})?$'.");
}
