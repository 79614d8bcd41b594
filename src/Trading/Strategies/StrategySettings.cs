namespace TradingBot.Trading.Strategies;

/// <summary>Parameters shared by the three strategies. Defaults are the PRD's.</summary>
public sealed record StrategySettings
{
    /// <summary>Stop-loss buffer beyond the structural level, as a fraction (0.002 = 0.2 %, allowed 0.001–0.003).</summary>
    public decimal StopTolerance { get; init; } = 0.002m;

    /// <summary>Scales the distance from entry to the next liquidity level (1 = exactly at the level).</summary>
    public decimal TakeProfitAdjustment { get; init; } = 1.0m;

    /// <summary>Strategy A: how many recent 1m candles may show the touch of the 15m zone.</summary>
    public int ConfirmationWindowMinutes { get; init; } = 15;

    /// <summary>Strategy B: how long after a 15m sweep an FVG still triggers an entry.</summary>
    public TimeSpan SweepWindow { get; init; } = TimeSpan.FromMinutes(60);

    /// <summary>Strategy C: how recent a liquidity sweep must be.</summary>
    public TimeSpan LiquidityWindow { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Strategy A: how long after the 1h break a 15m zone may have formed before it (0 = only after).</summary>
    public TimeSpan ZoneLeadBeforeBreak { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Which strategy's signal goes on when several fire for one symbol on the same bar, highest first,
    /// comma-separated (default "A,C,B"); ties go to the higher confidence.
    /// </summary>
    public string Priority { get; init; } = StrategyPriority.DefaultOrder;
}
