using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace TradingBot.Operations.Configuration;

/// <summary>Outcome of reading the operational parameters.</summary>
/// <param name="Parameters">The values when valid; null when any key is invalid (keep the previous values then).</param>
/// <param name="Errors">One line per bad key, naming the key, the value and the allowed range.</param>
public sealed record OperationalParametersResult(OperationalParameters? Parameters, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Reads the <c>Trading</c> section strictly (invariant culture, whole numbers where required, missing keys take
/// the defaults) and checks every value against its PRD range. Errors read like
/// <c>Trading:RiskPerTradePercent = 9 is outside the allowed range 0.1–5</c>.
/// </summary>
public static class OperationalParametersValidator
{
    public static ParameterRange StopLossTolerance { get; } = new(Key(nameof(OperationalParameters.StopLossTolerancePercent)), 0.1m, 0.3m);

    public static ParameterRange TakeProfitMultiplier { get; } = new(Key(nameof(OperationalParameters.TakeProfitMultiplier)), 0.5m, 1.5m);

    public static ParameterRange Leverage { get; } = new(Key(nameof(OperationalParameters.Leverage)), 1m, 20m, WholeNumber: true);

    public static ParameterRange RiskPerTrade { get; } = new(Key(nameof(OperationalParameters.RiskPerTradePercent)), 0.1m, 5m);

    public static ParameterRange DailyLossLimit { get; } = new(Key(nameof(OperationalParameters.DailyLossLimitPercent)), 1m, 20m);

    /// <summary>Full key of the keep-or-close switch.</summary>
    public static string OnDailyLossLimitKey { get; } = Key(nameof(OperationalParameters.OnDailyLossLimit));

    /// <summary>Every operational key (all may change live).</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        StopLossTolerance.Key, TakeProfitMultiplier.Key, Leverage.Key, RiskPerTrade.Key, DailyLossLimit.Key, OnDailyLossLimitKey,
    ];

    /// <summary>Range errors of an already-typed value set (e.g. one posted by the dashboard).</summary>
    public static IReadOnlyList<string> Validate(OperationalParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var errors = new List<string>();
        CheckRange(errors, StopLossTolerance, parameters.StopLossTolerancePercent);
        CheckRange(errors, TakeProfitMultiplier, parameters.TakeProfitMultiplier);
        CheckRange(errors, Leverage, parameters.Leverage);
        CheckRange(errors, RiskPerTrade, parameters.RiskPerTradePercent);
        CheckRange(errors, DailyLossLimit, parameters.DailyLossLimitPercent);
        if (!Enum.IsDefined(parameters.OnDailyLossLimit))
        {
            errors.Add($"{OnDailyLossLimitKey} = {(int)parameters.OnDailyLossLimit} is not one of {ActionNames()}");
        }

        return errors;
    }

    /// <summary>Reads and validates the <c>Trading</c> section of <paramref name="configuration"/> (the root, not the section).</summary>
    public static OperationalParametersResult Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var errors = new List<string>();
        var defaults = OperationalParameters.Default;
        var parameters = new OperationalParameters
        {
            StopLossTolerancePercent = ReadDecimal(configuration, errors, StopLossTolerance, defaults.StopLossTolerancePercent),
            TakeProfitMultiplier = ReadDecimal(configuration, errors, TakeProfitMultiplier, defaults.TakeProfitMultiplier),
            Leverage = (int)ReadDecimal(configuration, errors, Leverage, defaults.Leverage),
            RiskPerTradePercent = ReadDecimal(configuration, errors, RiskPerTrade, defaults.RiskPerTradePercent),
            DailyLossLimitPercent = ReadDecimal(configuration, errors, DailyLossLimit, defaults.DailyLossLimitPercent),
            OnDailyLossLimit = ReadAction(configuration, errors, defaults.OnDailyLossLimit),
        };
        return new OperationalParametersResult(errors.Count == 0 ? parameters : null, errors);
    }

    private static string Key(string property) => OperationalParameters.Section + ":" + property;

    private static decimal ReadDecimal(IConfiguration configuration, List<string> errors, ParameterRange range, decimal fallback)
    {
        var raw = configuration[range.Key];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }

        if (!decimal.TryParse(raw.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            errors.Add($"{range.Key} = '{raw}' is not a number (allowed range {range.Text})");
            return fallback;
        }

        if (range.WholeNumber && decimal.Truncate(value) != value)
        {
            errors.Add($"{range.Key} = {raw.Trim()} is not a whole number (allowed range {range.Text})");
            return fallback;
        }

        if (!range.Contains(value))
        {
            errors.Add($"{range.Key} = {raw.Trim()} is outside the allowed range {range.Text}");
            return fallback;
        }

        return value;
    }

    private static DailyLossLimitAction ReadAction(IConfiguration configuration, List<string> errors, DailyLossLimitAction fallback)
    {
        var raw = configuration[OnDailyLossLimitKey];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }

        // Enum.TryParse would also accept numbers such as "7"; only names are meaningful here.
        foreach (var action in Enum.GetValues<DailyLossLimitAction>())
        {
            if (string.Equals(action.ToString(), raw.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return action;
            }
        }

        errors.Add($"{OnDailyLossLimitKey} = '{raw}' is not one of {ActionNames()}");
        return fallback;
    }

    private static void CheckRange(List<string> errors, ParameterRange range, decimal value)
    {
        if (!range.Contains(value))
        {
            errors.Add($"{range.Key} = {value.ToString(CultureInfo.InvariantCulture)} is outside the allowed range {range.Text}");
        }
    }

    private static string ActionNames() => string.Join(", ", Enum.GetNames<DailyLossLimitAction>());
}
