using System.Collections.Immutable;

namespace TradingBot.Contracts.Market;

/// <summary>
/// The ICT state of one symbol and timeframe after a closed candle: what is active now plus what
/// became known at this very bar. Immutable, so it can travel on streams without copying.
/// </summary>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="Timeframe">The timeframe of this snapshot.</param>
/// <param name="Candle">The candle whose close produced this snapshot.</param>
/// <param name="Trend">Direction of the last structure break, null before the first one.</param>
/// <param name="Zones">Active order blocks, fair value gaps and breakers, newest first.</param>
/// <param name="Pools">Untaken liquidity pools.</param>
/// <param name="Breaks">Structure breaks known at this bar (usually empty).</param>
/// <param name="Sweeps">Liquidity sweeps known at this bar (usually empty).</param>
/// <param name="LastBreak">The most recent structure break, if any.</param>
public sealed record IndicatorSnapshot(
    string Symbol,
    Timeframe Timeframe,
    Candle Candle,
    Direction? Trend,
    ImmutableArray<Zone> Zones,
    ImmutableArray<LiquidityPool> Pools,
    ImmutableArray<StructureBreak> Breaks,
    ImmutableArray<LiquiditySweep> Sweeps,
    StructureBreak? LastBreak);
