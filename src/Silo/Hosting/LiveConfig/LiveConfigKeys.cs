using System.Collections.Frozen;

namespace TradingBot.Silo.Hosting.LiveConfig;

/// <summary>
/// PRD §5.6.3 operational parameters as configuration keys: these apply while running (the same values the
/// dashboard's parameter form changes). Every other changed key — strategies, symbols, timeframes, indicator and
/// strategy logic, host, exchange, alerts — is reported as needing a restart.
/// </summary>
internal static class LiveConfigKeys
{
    public const string StopTolerance = "Trading:Strategy:StopTolerance";
    public const string TakeProfitAdjustment = "Trading:Strategy:TakeProfitAdjustment";
    public const string Leverage = "Trading:Risk:Leverage";
    public const string RiskPerTrade = "Trading:Risk:RiskPerTrade";
    public const string DailyLossLimit = "Trading:Risk:DailyLossLimit";
    public const string CloseOnDailyLimit = "Trading:Risk:CloseOnDailyLimit";
    public const string MinRewardToRisk = "Trading:Risk:MinRewardToRisk";
    public const string MaxOpenPositions = "Trading:Risk:MaxOpenPositions";

    public static FrozenSet<string> All { get; } = new[]
    {
        StopTolerance, TakeProfitAdjustment, Leverage, RiskPerTrade, DailyLossLimit, CloseOnDailyLimit, MinRewardToRisk, MaxOpenPositions,
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
