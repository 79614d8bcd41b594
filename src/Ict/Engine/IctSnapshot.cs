using System.Collections.Immutable;
using TradingBot.Ict.Candles;
using TradingBot.Ict.Events;
using TradingBot.Ict.Fvg;
using TradingBot.Ict.Swings;

namespace TradingBot.Ict.Engine;

/// <summary>A kept swing point.</summary>
public sealed record SwingView(ZoneId Id, sbyte Direction, long PivotIndex, double Level, SwingLabel Label);

/// <summary>An active fair value gap; <see cref="Fill"/> tells how far price came back into it.</summary>
public sealed record FvgView(ZoneId Id, sbyte Direction, double Top, double Bottom, long OriginIndex, long CreatedIndex, FvgFill Fill)
{
    public double Midpoint => (Top + Bottom) / 2;
}

/// <summary>An order block still tracked. Failed = price went through it (the reference's hidden breaker state).</summary>
public sealed record OrderBlockView(ZoneId Id, sbyte Direction, double Top, double Bottom, long OriginIndex, long CreatedIndex, double Volume, double StrengthPercent, bool Touched, bool Failed);

/// <summary>An active breaker block (sweep + market-structure shift, §3.5).</summary>
public sealed record BreakerView(ZoneId Id, sbyte Direction, double Top, double Bottom, long OriginIndex, long CreatedIndex, bool Retested);

/// <summary>An open liquidity pool (≥ 2 swings). <see cref="Level"/> is where the stops rest: top (buy-side) or bottom (sell-side).</summary>
public sealed record LiquidityPoolView(ZoneId Id, sbyte Direction, double Level, double Mean, double Top, double Bottom, int Members, long AnchorIndex, long LastMemberIndex);

/// <summary>Previous day/week levels and whether price has traded beyond them since they became current.</summary>
public sealed record PreviousLevelsView(ZoneId Id, double High, double Low, bool BrokenHigh, bool BrokenLow);

/// <summary>
/// Immutable state of one symbol/timeframe, rebuilt only when something changed. Zone lists are bounded
/// (most recent first-in order, at most <see cref="IctOptions.SnapshotZonesPerKind"/> per kind and direction).
/// </summary>
public sealed record IctSnapshot(
    string Symbol,
    Timeframe Timeframe,
    long AsOfBarIndex,
    long AsOfOpenTimeMs,
    sbyte Trend,
    SwingView? LastSwingHigh,
    SwingView? LastSwingLow,
    ImmutableArray<FvgView> Fvgs,
    ImmutableArray<OrderBlockView> OrderBlocks,
    ImmutableArray<BreakerView> Breakers,
    ImmutableArray<LiquidityPoolView> LiquidityPools,
    ImmutableArray<IctEvent> RecentStructureBreaks,
    ImmutableArray<IctEvent> RecentSweeps,
    PreviousLevelsView? PreviousDay,
    PreviousLevelsView? PreviousWeek)
{
    public static IctSnapshot Empty(string symbol, Timeframe timeframe) => new(
        symbol, timeframe, -1, 0, 0, null, null, [], [], [], [], [], [], null, null);
}
