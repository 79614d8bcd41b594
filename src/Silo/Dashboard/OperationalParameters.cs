using System.Globalization;
using TradingBot.Contracts.Grains;
using TradingBot.Dashboard.Ports.Control;
using TradingBot.Silo.Hosting.LiveConfig;
using TradingBot.Trading.Strategies;

namespace TradingBot.Silo.Dashboard;

/// <summary>
/// The live-changeable parameters (PRD §5.6.3) as the dashboard shows them, and their translation to
/// <see cref="RiskParameters"/> (RiskGrain) and <see cref="StrategyOverride"/> (StrategyGrains).
/// Percent keys are shown in percent and stored as fractions.
/// </summary>
internal static class OperationalParameters
{
    public const string StopLossTolerance = "stopLossTolerancePercent";
    public const string TakeProfitAdjustment = "takeProfitAdjustment";
    public const string Leverage = "leverage";
    public const string RiskPerTrade = "riskPerTradePercent";
    public const string DailyLossLimit = "dailyLossLimitPercent";
    public const string MinRewardToRisk = "minRewardToRisk";
    public const string MaxOpenPositions = "maxOpenPositions";

    /// <summary>The configuration key (as in appsettings.json and ConfigChanged) of a dashboard parameter key.</summary>
    public static string ConfigKeyOf(string key) => key switch
    {
        StopLossTolerance => LiveConfigKeys.StopTolerance,
        TakeProfitAdjustment => LiveConfigKeys.TakeProfitAdjustment,
        Leverage => LiveConfigKeys.Leverage,
        RiskPerTrade => LiveConfigKeys.RiskPerTrade,
        DailyLossLimit => LiveConfigKeys.DailyLossLimit,
        MinRewardToRisk => LiveConfigKeys.MinRewardToRisk,
        MaxOpenPositions => LiveConfigKeys.MaxOpenPositions,
        _ => key,
    };

    public static IReadOnlyList<OperationalParameterView> Describe(RiskParameters risk, StrategySettings strategy)
    {
        ArgumentNullException.ThrowIfNull(risk);
        ArgumentNullException.ThrowIfNull(strategy);
        return
        [
            new(StopLossTolerance, "Stop-loss tolerance", strategy.StopTolerance * 100m, 0.1m, 0.3m, 0.01m, "%", "Buffer beyond the structural level (zone edge or swing) where the stop sits."),
            new(TakeProfitAdjustment, "Take-profit adjustment", strategy.TakeProfitAdjustment, 0.5m, 1.5m, 0.05m, "x", "Scales the distance from entry to the next liquidity level (1 = exactly at the level)."),
            new(Leverage, "Leverage", risk.Leverage, 1m, 20m, 1m, "x", "Leverage for new positions; set on the exchange for every symbol."),
            new(RiskPerTrade, "Risk per trade", risk.RiskPerTrade * 100m, 0.1m, 5m, 0.1m, "%", "Share of the balance lost if the stop is hit."),
            new(DailyLossLimit, "Daily loss limit", risk.DailyLossLimit * 100m, 1m, 20m, 0.5m, "%", "New entries stop when today's loss reaches this share of the day's starting balance."),
            new(MinRewardToRisk, "Minimum reward:risk", risk.MinRewardToRisk, 1m, 5m, 0.1m, "R", "Signals whose target is closer than this multiple of the stop distance are refused."),
            new(MaxOpenPositions, "Max open positions", risk.MaxOpenPositions, 1m, 5m, 1m, "positions", "Open positions allowed at once."),
        ];
    }

    /// <summary>
    /// Merges submitted values (already range-checked by the dashboard) into the current settings and
    /// checks the rules that span parameters. All or nothing: errors mean nothing may be applied.
    /// </summary>
    public static (RiskParameters Risk, StrategyOverride Strategy, IReadOnlyList<ParameterValidationError> Errors) Merge(
        IReadOnlyDictionary<string, decimal> values, RiskParameters risk, StrategySettings strategy)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(risk);
        ArgumentNullException.ThrowIfNull(strategy);
        var errors = new List<ParameterValidationError>();
        var descriptors = Describe(risk, strategy).ToDictionary(d => d.Key, StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            if (!descriptors.TryGetValue(key, out var d))
            {
                errors.Add(new ParameterValidationError(key, $"{key} is not an operational parameter", null, null));
            }
            else if (value < d.Min || value > d.Max)
            {
                errors.Add(new ParameterValidationError(key, string.Create(CultureInfo.InvariantCulture, $"{key} must be between {d.Min} and {d.Max} {d.Unit}").TrimEnd(), d.Min, d.Max));
            }
            else if (key is Leverage or MaxOpenPositions && value != decimal.Truncate(value))
            {
                errors.Add(new ParameterValidationError(key, $"{key} must be a whole number", d.Min, d.Max));
            }
        }

        decimal Get(string key, decimal current) => values.TryGetValue(key, out var v) ? v : current;
        var newRisk = risk with
        {
            RiskPerTrade = Get(RiskPerTrade, risk.RiskPerTrade * 100m) / 100m,
            Leverage = (int)Get(Leverage, risk.Leverage),
            DailyLossLimit = Get(DailyLossLimit, risk.DailyLossLimit * 100m) / 100m,
            MinRewardToRisk = Get(MinRewardToRisk, risk.MinRewardToRisk),
            MaxOpenPositions = (int)Get(MaxOpenPositions, risk.MaxOpenPositions),
        };
        var newStrategy = new StrategyOverride(Get(StopLossTolerance, strategy.StopTolerance * 100m) / 100m, Get(TakeProfitAdjustment, strategy.TakeProfitAdjustment));
        if (errors.Count == 0 && newRisk.RiskPerTrade > newRisk.DailyLossLimit)
        {
            var limit = newRisk.DailyLossLimit * 100m;
            errors.Add(new ParameterValidationError(RiskPerTrade, string.Create(CultureInfo.InvariantCulture, $"{RiskPerTrade} must not exceed {DailyLossLimit} ({limit} %): one stop would end the day"), 0.1m, limit));
        }

        return (newRisk, newStrategy, errors);
    }
}
