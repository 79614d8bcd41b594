using TradingBot.Ict.Candles;
using TradingBot.Ict.Engine;
using TradingBot.Ict.Events;
using TradingBot.Ict.Fvg;
using TradingBot.Ict.Liquidity;
using TradingBot.Ict.OrderBlocks;

namespace TradingBot.Ict.Reference;

/// <summary>
/// Causal mode tables: the live engine is run over the file and each event is written on the row where the
/// reference would write it (its origin row), holding only what was known causally at the end of the file.
/// </summary>
public static class CausalTables
{
    /// <summary>Engine options used for the causal export (unbounded zone lists so nothing is dropped).</summary>
    public static IctOptions ExportOptions(int swingLength) => new()
    {
        SwingLength = swingLength,
        Timeframe = new Timeframe(1),
        Fvg = new FvgOptions(RetireOnFirstTouch: true, MaxActive: int.MaxValue),
        OrderBlocks = new OrderBlockOptions(MaxActive: int.MaxValue),
        Liquidity = new LiquidityOptions(MaxActive: int.MaxValue),
        TrackPreviousDay = false,
        TrackPreviousWeek = false,
    };

    /// <summary>Swings, FVG, joined FVG, BOS/CHoCH, order blocks and liquidity, in reference file order.</summary>
    public static IReadOnlyList<IctTable> Build(IReadOnlyList<Candle> bars, int swingLength)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var recorder = new EventTableRecorder(bars.Count);
        var joinedRecorder = new EventTableRecorder(bars.Count);
        Parallel.Invoke(
            () =>
            {
                var engine = new IctEngine(ExportOptions(swingLength));
                for (var t = 0; t < bars.Count; t++)
                {
                    // Engine time must be strictly increasing: index the rows so gaps in the file do not matter here.
                    var update = engine.OnCandleClosed(bars[t] with { OpenTimeMs = t });
                    recorder.Apply(update.Events.Span);
                }
            },
            () =>
            {
                var joined = new FvgDetector(new FvgOptions(JoinConsecutive: true, RetireOnFirstTouch: true, MaxActive: int.MaxValue), 1);
                var events = new EventBuffer();
                var ring = new CandleRing(16);
                for (var t = 0; t < bars.Count; t++)
                {
                    var bar = bars[t];
                    ring.Add(in bar);
                    events.Clear();
                    joined.OnBar(ring, null, events);
                    joinedRecorder.Apply(events.Span, joined: true);
                }
            });

        recorder.Finish();
        return [recorder.Fvg, joinedRecorder.FvgJoined, recorder.Swings, recorder.Structure, recorder.OrderBlocks, recorder.Liquidity];
    }
}
