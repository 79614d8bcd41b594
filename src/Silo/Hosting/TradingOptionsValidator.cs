using System.Globalization;
using TradingBot.Grains.Hosting;

namespace TradingBot.Silo.Hosting;

/// <summary>
/// Start-up validation of the trading configuration: every bad value is reported with its key and the
/// allowed range, and start-up stops (exit code 2) before anything touches the exchange.
/// </summary>
internal static class TradingOptionsValidator
{
    private static readonly string[] s_strategies = ["A", "B", "C"];

    public static IReadOnlyList<string> Validate(TradingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.Symbols.Length is 0 or > 5)
        {
            errors.Add($"Trading:Symbols has {options.Symbols.Length} entries; allowed 1 to 5.");
        }

        foreach (var symbol in options.Symbols.Where(s => string.IsNullOrWhiteSpace(s) || !s.All(char.IsAsciiLetterOrDigit) || s != s.ToUpperInvariant()))
        {
            errors.Add($"Trading:Symbols contains '{symbol}'; use upper-case exchange symbols such as BTCUSDT.");
        }

        foreach (var strategy in options.Strategies.Where(s => !s_strategies.Contains(s, StringComparer.Ordinal)))
        {
            errors.Add($"Trading:Strategies contains '{strategy}'; allowed A, B, C.");
        }

        var priority = (options.Strategy.Priority ?? "").Split(',', StringSplitOptions.TrimEntries);
        if (priority.Any(p => !s_strategies.Contains(p, StringComparer.Ordinal)) || priority.Distinct(StringComparer.Ordinal).Count() != priority.Length)
        {
            errors.Add($"Trading:Strategy:Priority = '{options.Strategy.Priority}' must list strategies A, B, C at most once each, highest first (e.g. A,C,B).");
        }

        Range(errors, "Trading:Strategy:StopTolerance", options.Strategy.StopTolerance, 0.001m, 0.003m);
        Range(errors, "Trading:Strategy:TakeProfitAdjustment", options.Strategy.TakeProfitAdjustment, 0.5m, 1.5m);
        Range(errors, "Trading:Risk:Leverage", options.Risk.Leverage, 1, 20);
        Range(errors, "Trading:Risk:RiskPerTrade", options.Risk.RiskPerTrade, 0.001m, 0.05m);
        Range(errors, "Trading:Risk:DailyLossLimit", options.Risk.DailyLossLimit, 0.01m, 0.2m);
        Range(errors, "Trading:Risk:MaxOpenPositions", options.Risk.MaxOpenPositions, 1, 5);
        Range(errors, "Trading:Risk:MinRewardToRisk", options.Risk.MinRewardToRisk, 0.5m, 10m);
        Range(errors, "Trading:HistoryCandles", options.HistoryCandles, 100, 1500);
        if (options.Risk.RiskPerTrade > options.Risk.DailyLossLimit)
        {
            errors.Add($"Trading:Risk:RiskPerTrade = {options.Risk.RiskPerTrade.ToString(CultureInfo.InvariantCulture)} is larger than Trading:Risk:DailyLossLimit = {options.Risk.DailyLossLimit.ToString(CultureInfo.InvariantCulture)}.");
        }

        return errors;
    }

    private static void Range(List<string> errors, string key, decimal value, decimal min, decimal max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{key} = {value.ToString(CultureInfo.InvariantCulture)} is outside the allowed range {min.ToString(CultureInfo.InvariantCulture)}–{max.ToString(CultureInfo.InvariantCulture)}.");
        }
    }
}
