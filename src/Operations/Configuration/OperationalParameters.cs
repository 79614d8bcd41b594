namespace TradingBot.Operations.Configuration;

/// <summary>
/// PRD §5.6.3 operational parameters (section <c>Trading</c>): they may change while the bot runs, no restart.
/// Read and range-check them with <see cref="OperationalParametersValidator"/>.
/// </summary>
public sealed record OperationalParameters
{
    public const string Section = "Trading";

    /// <summary>Buffer added beyond the structural stop (order block / FVG / breaker edge), in percent of price: 0.1–0.3, default 0.2.</summary>
    public decimal StopLossTolerancePercent { get; init; } = 0.2m;

    /// <summary>
    /// Scales the distance from entry to the next liquidity level: take-profit = entry + multiplier × (level − entry).
    /// 1.0 = exactly at the level, 0.8 = 80 % of the way (fills before the crowd at the level), 1.2 = beyond it.
    /// Range 0.5–1.5, default 1.0.
    /// </summary>
    public decimal TakeProfitMultiplier { get; init; } = 1.0m;

    /// <summary>Isolated leverage set on each symbol before entry: 1–20, default 5.</summary>
    public int Leverage { get; init; } = 5;

    /// <summary>Account balance risked between entry and stop-loss per trade, in percent: 0.1–5, default 2.</summary>
    public decimal RiskPerTradePercent { get; init; } = 2m;

    /// <summary>Realized loss of the UTC day, in percent of the day's starting balance, that blocks new entries: 1–20, default 6.</summary>
    public decimal DailyLossLimitPercent { get; init; } = 6m;

    /// <summary>Keep or close open positions when the daily loss limit is reached; default keep.</summary>
    public DailyLossLimitAction OnDailyLossLimit { get; init; } = DailyLossLimitAction.KeepPositions;

    /// <summary>The PRD defaults (2 % risk, 5x, 6 % daily limit, 0.2 % SL tolerance, TP at the level, keep positions).</summary>
    public static OperationalParameters Default { get; } = new();
}
