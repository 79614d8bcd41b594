namespace TradingBot.Trading.Risk;

/// <summary>The PRD §3.4 risk rules. Operational values can change live.</summary>
public sealed record RiskSettings
{
    /// <summary>Fraction of balance lost if the stop is hit (0.02 = 2 %).</summary>
    public decimal RiskPerTrade { get; init; } = 0.02m;

    /// <summary>Leverage set on the exchange at start (fixed 5x).</summary>
    public int Leverage { get; init; } = 5;

    /// <summary>Daily loss limit as a fraction of the UTC day's starting balance (0.06 = 6 %).</summary>
    public decimal DailyLossLimit { get; init; } = 0.06m;

    /// <summary>Whether reaching the daily limit also closes open positions.</summary>
    public bool CloseOnDailyLimit { get; init; }

    /// <summary>At most this many open positions at once.</summary>
    public int MaxOpenPositions { get; init; } = 1;

    /// <summary>Signals whose reward:risk is below this are refused.</summary>
    public decimal MinRewardToRisk { get; init; } = 1.5m;

    /// <summary>Share of available balance the initial margin may use (keeps room for fees).</summary>
    public decimal MaxMarginUse { get; init; } = 0.95m;

    /// <summary>Assumed taker fee, counted in the margin check.</summary>
    public decimal TakerFee { get; init; } = 0.0005m;
}
