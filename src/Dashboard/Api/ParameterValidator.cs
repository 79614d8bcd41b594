using System.Globalization;
using System.Text.Json;
using TradingBot.Dashboard.Ports.Control;

namespace TradingBot.Dashboard.Api;

/// <summary>
/// Checks submitted parameter values against the descriptors the bot publishes: known operational key,
/// a number, within Min..Max. Core parameters are refused with "needs restart".
/// </summary>
internal static class ParameterValidator
{
    public const int MaxValues = 32;

    public static (Dictionary<string, decimal> Values, List<ParameterValidationError> Errors) Validate(
        IReadOnlyDictionary<string, JsonElement> submitted, ParameterSetView parameters)
    {
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var errors = new List<ParameterValidationError>();
        foreach (var (key, element) in submitted)
        {
            var descriptor = parameters.Operational.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.Ordinal));
            if (descriptor is null)
            {
                var shown = TradingEndpoints.Shorten(key);
                var message = parameters.Core.Any(p => string.Equals(p.Key, key, StringComparison.Ordinal))
                    ? $"{shown} is a core parameter: read-only here, change it in the configuration and restart (needs restart)"
                    : $"{shown} is not an operational parameter; known keys: {string.Join(", ", parameters.Operational.Select(p => p.Key))}";
                errors.Add(new ParameterValidationError(shown, message, null, null));
                continue;
            }

            if (!TryReadNumber(element, out var value) || value < descriptor.Min || value > descriptor.Max)
            {
                errors.Add(new ParameterValidationError(key, RangeMessage(descriptor), descriptor.Min, descriptor.Max));
                continue;
            }

            values[key] = value;
        }

        return (values, errors);
    }

    public static string RangeMessage(OperationalParameterView descriptor) =>
        string.Create(CultureInfo.InvariantCulture, $"{descriptor.Key} must be a number between {descriptor.Min} and {descriptor.Max} {descriptor.Unit}").TrimEnd();

    private static bool TryReadNumber(JsonElement element, out decimal value)
    {
        value = 0;
        return element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetDecimal(out value),
            JsonValueKind.String => decimal.TryParse(element.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }
}
