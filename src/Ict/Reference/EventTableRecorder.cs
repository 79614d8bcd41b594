using TradingBot.Ict.Events;

namespace TradingBot.Ict.Reference;

/// <summary>
/// Turns detector events into the reference tables, writing each fact on its origin row. The same recorder
/// serves both modes, so reference and causal files differ only by what the detectors emitted.
/// </summary>
internal sealed class EventTableRecorder
{
    private readonly IctTable _bullishBlocks;
    private readonly IctTable _bearishBlocks;

    // For the shared-row quirk: bullish rows that ever failed (row → failed index, or 0 once removed) and bearish creation bars.
    private readonly Dictionary<long, long> _bullishFailed = new();
    private readonly Dictionary<long, long> _bearishCreatedAt = new();

    public EventTableRecorder(long rows)
    {
        Swings = IctTableLayouts.Swings(rows);
        Fvg = IctTableLayouts.Fvg(rows, join: false);
        FvgJoined = IctTableLayouts.Fvg(rows, join: true);
        Structure = IctTableLayouts.BosChoch(rows);
        OrderBlocks = IctTableLayouts.OrderBlocks(rows);
        Liquidity = IctTableLayouts.Liquidity(rows);
        _bullishBlocks = IctTableLayouts.OrderBlocks(rows);
        _bearishBlocks = IctTableLayouts.OrderBlocks(rows);
    }

    public IctTable Swings { get; }

    public IctTable Fvg { get; }

    public IctTable FvgJoined { get; }

    public IctTable Structure { get; }

    public IctTable OrderBlocks { get; }

    public IctTable Liquidity { get; }

    /// <summary>Applies events from a detector set; <paramref name="joined"/> selects the FVG table they go to.</summary>
    public void Apply(ReadOnlySpan<IctEvent> events, bool joined = false)
    {
        var fvg = joined ? FvgJoined : Fvg;
        foreach (ref readonly var e in events)
        {
            switch (e.Kind)
            {
                case IctEventKind.SwingConfirmed:
                    Swings.SetRow(e.OriginIndex, e.Direction, e.Level);
                    break;
                case IctEventKind.SwingReplaced:
                    Swings.Clear(e.RelatedIndex);
                    Swings.SetRow(e.OriginIndex, e.Direction, e.Level);
                    break;
                case IctEventKind.FvgCreated:
                    fvg.SetRow(e.OriginIndex, e.Direction, e.Top, e.Bottom, 0);
                    break;
                case IctEventKind.FvgMerged:
                    fvg.Clear(e.RelatedIndex);
                    break;
                case IctEventKind.FvgTouched:
                    fvg.Set(e.OriginIndex, 3, e.BarIndex);
                    break;
                case IctEventKind.Bos:
                case IctEventKind.Choch:
                    Structure.SetRow(
                        e.OriginIndex,
                        e.Kind == IctEventKind.Bos ? e.Direction : double.NaN,
                        e.Kind == IctEventKind.Choch ? e.Direction : double.NaN,
                        e.Level,
                        e.BarIndex);
                    break;
                case IctEventKind.OrderBlockCreated:
                    (e.Direction > 0 ? _bullishBlocks : _bearishBlocks).SetRow(e.OriginIndex, e.Direction, e.Top, e.Bottom, e.Volume, 0, e.Strength);
                    if (e.Direction < 0)
                    {
                        _bearishCreatedAt[e.OriginIndex] = e.BarIndex;
                    }

                    break;
                case IctEventKind.OrderBlockFailed:
                    (e.Direction > 0 ? _bullishBlocks : _bearishBlocks).Set(e.OriginIndex, 4, e.RelatedIndex);
                    if (e.Direction > 0)
                    {
                        _bullishFailed[e.OriginIndex] = e.RelatedIndex;
                    }

                    break;
                case IctEventKind.OrderBlockRemoved:
                    (e.Direction > 0 ? _bullishBlocks : _bearishBlocks).Clear(e.OriginIndex);
                    if (e.Direction > 0)
                    {
                        _bullishFailed[e.OriginIndex] = 0;
                    }

                    break;
                case IctEventKind.LiquidityPoolFormed:
                case IctEventKind.LiquidityPoolExtended:
                    Liquidity.SetRow(e.OriginIndex, e.Direction, e.Level, e.RelatedIndex, 0);
                    break;
                case IctEventKind.LiquiditySweep:
                case IctEventKind.LiquidityRun:
                    Liquidity.Set(e.OriginIndex, 3, e.BarIndex);
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>
    /// Merges the order-block sides; as in the reference the bearish pass overwrites a shared row. With
    /// <paramref name="sharedRowState"/> (reference quirk) a bearish block on a row whose bullish block ever failed
    /// starts out as failed (the library's breaker array is shared by both passes): it keeps the bullish
    /// MitigatedIndex (0 if the bullish block was removed) and is removed at the first later bar with low &lt; bottom.
    /// </summary>
    public void Finish(IReadOnlyList<Candles.Candle>? bars = null, bool sharedRowState = false)
    {
        foreach (var row in _bullishBlocks.SortedRows())
        {
            OrderBlocks.SetRow(row, _bullishBlocks.GetRow(row));
        }

        foreach (var (row, createdAt) in _bearishCreatedAt)
        {
            if (!sharedRowState || bars is null || !_bullishFailed.TryGetValue(row, out var inheritedIndex))
            {
                continue;
            }

            // Re-run the bearish block's life as an inherited breaker: the failure test is skipped, removal is low < bottom.
            var bottom = _bearishBlocks.Has(row) ? _bearishBlocks.Get(row, 2) : double.NaN;
            if (double.IsNaN(bottom))
            {
                continue;
            }

            var removed = false;
            for (var j = (int)createdAt + 1; j < bars.Count && !removed; j++)
            {
                removed = bars[j].Low < bottom;
            }

            if (removed)
            {
                _bearishBlocks.Clear(row);
                OrderBlocks.Clear(row);
            }
            else
            {
                _bearishBlocks.Set(row, 4, inheritedIndex);
            }
        }

        foreach (var row in _bearishBlocks.SortedRows())
        {
            OrderBlocks.SetRow(row, _bearishBlocks.GetRow(row));
        }
    }
}
