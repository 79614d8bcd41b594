using System.Collections.Immutable;
using TradingBot.Contracts.Market;

namespace TradingBot.Trading.Tests.Builders;

/// <summary>Hand-made candles, zones and snapshots for rule tests.</summary>
internal static class Market
{
    public const string Symbol = "BTCUSDT";
    public static readonly DateTimeOffset T0 = new(2025, 6, 2, 0, 0, 0, TimeSpan.Zero);

    public static Candle Candle(Timeframe tf, DateTimeOffset open, decimal o, decimal h, decimal l, decimal c) =>
        new(Symbol, tf, open, o, h, l, c, 10m);

    public static Zone Zone(string id, ZoneKind kind, Timeframe tf, Direction dir, decimal top, decimal bottom, DateTimeOffset formedAt) =>
        new(id, kind, tf, dir, top, bottom, formedAt, false);

    public static LiquidityPool Pool(string id, Timeframe tf, LiquiditySide side, decimal level) =>
        new(id, tf, side, level, 2, T0);

    public static StructureBreak Break(string id, Timeframe tf, Direction dir, DateTimeOffset at, StructureBreakKind kind = StructureBreakKind.Bos) =>
        new(id, tf, kind, dir, 0m, at);

    public static LiquiditySweep Sweep(string id, Timeframe tf, LiquiditySide side, decimal level, decimal extreme, DateTimeOffset at) =>
        new(id, tf, side, level, extreme, at);

    public static IndicatorSnapshot Snapshot(
        Candle candle,
        Direction? trend = null,
        IEnumerable<Zone>? zones = null,
        IEnumerable<LiquidityPool>? pools = null,
        IEnumerable<StructureBreak>? breaks = null,
        IEnumerable<LiquiditySweep>? sweeps = null,
        StructureBreak? lastBreak = null) =>
        new(Symbol, candle.Timeframe, candle, trend,
            (zones ?? []).ToImmutableArray(),
            (pools ?? []).ToImmutableArray(),
            (breaks ?? []).ToImmutableArray(),
            (sweeps ?? []).ToImmutableArray(),
            lastBreak ?? breaks?.LastOrDefault());
}
