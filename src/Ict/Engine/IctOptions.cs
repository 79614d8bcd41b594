using TradingBot.Ict.Breakers;
using TradingBot.Ict.Candles;
using TradingBot.Ict.Fvg;
using TradingBot.Ict.Liquidity;
using TradingBot.Ict.OrderBlocks;

namespace TradingBot.Ict.Engine;

/// <summary>
/// Configuration of one <see cref="IctEngine"/> (one symbol + timeframe). Defaults are the causal live mode.
/// Use <see cref="For(Candles.Timeframe, string)"/> for per-timeframe defaults.
/// </summary>
public sealed record IctOptions
{
    public string Symbol { get; init; } = string.Empty;

    public Timeframe Timeframe { get; init; } = Timeframe.M1;

    /// <summary>Swing length L: a swing is confirmed L bars after its pivot.</summary>
    public int SwingLength { get; init; } = 5;

    /// <summary>Reference warm-up quirk (no swing before bar 2L−1). Off live.</summary>
    public bool SwingWarmupQuirk { get; init; }

    /// <summary>Compare structure breaks with float32 levels (reference quirk). Off live.</summary>
    public bool StructureFloat32Levels { get; init; }

    public FvgOptions Fvg { get; init; } = new();

    public OrderBlockOptions OrderBlocks { get; init; } = new();

    public LiquidityOptions Liquidity { get; init; } = new();

    public BreakerOptions Breakers { get; init; } = new();

    /// <summary>ATR period for data-derived tolerances (liquidity pools, optional FVG size filter).</summary>
    public int AtrPeriod { get; init; } = 200;

    public bool TrackPreviousDay { get; init; } = true;

    public bool TrackPreviousWeek { get; init; } = true;

    /// <summary>Candles retained for look-backs (breaker leg scan, OB leg on a late swing). Power of two.</summary>
    public int HistoryCapacity { get; init; } = 4096;

    /// <summary>At most this many most recent active zones per kind and direction in a snapshot.</summary>
    public int SnapshotZonesPerKind { get; init; } = 10;

    /// <summary>Recent sweeps/runs and structure breaks kept in a snapshot.</summary>
    public int SnapshotRecentEvents { get; init; } = 10;

    /// <summary>
    /// Live defaults per timeframe. L = 5 below one hour (the reference value: 5-minute lag on 1m, 75 minutes on 15m);
    /// L = 3 from one hour up so that higher-timeframe swings confirm within a session.
    /// </summary>
    public static IctOptions For(Timeframe timeframe, string symbol = "") => new()
    {
        Symbol = symbol,
        Timeframe = timeframe,
        SwingLength = timeframe.Milliseconds >= Timeframe.H1.Milliseconds ? 3 : 5,
    };
}
