using TradingBot.Ict.Candles;
using TradingBot.Ict.Events;
using TradingBot.Ict.Primitives;
using TradingBot.Ict.Swings;

namespace TradingBot.Ict.Structure;

/// <summary>
/// Causal market structure (§3.3h, LuxAlgo-style state machine on confirmed swings): a break is the first close
/// beyond the latest confirmed, not-yet-broken swing of a side; it is a BOS when it agrees with the trend state
/// and a CHoCH otherwise (the very first break is a BOS); the trend becomes the break direction and the swing is consumed.
/// </summary>
public sealed class MarketStructureDetector
{
    private readonly long _timeframeMs;
    private readonly bool _float32Levels;
    private SwingPoint _high = SwingPoint.None;
    private SwingPoint _low = SwingPoint.None;
    private bool _highBroken;
    private bool _lowBroken;

    public MarketStructureDetector(long timeframeMs, bool float32Levels = false)
    {
        _timeframeMs = timeframeMs;
        _float32Levels = float32Levels;
    }

    /// <summary>+1 bullish, −1 bearish, 0 before the first break.</summary>
    public sbyte Trend { get; private set; }

    /// <summary>The most recent break (Kind is Bos or Choch), or default before the first.</summary>
    public IctEvent LastBreak { get; private set; }

    public long Version { get; private set; }

    public void OnBar(in Candle bar, long t, in SwingPoint latestHigh, in SwingPoint latestLow, EventBuffer events)
    {
        if (latestHigh.Index != _high.Index)
        {
            _high = latestHigh;
            _highBroken = false;
        }

        if (latestLow.Index != _low.Index)
        {
            _low = latestLow;
            _lowBroken = false;
        }

        if (_high.Exists && !_highBroken && bar.Close > Float32.Round(_high.Level, _float32Levels))
        {
            _highBroken = true;
            Break(1, in _high, t, events);
        }

        if (_low.Exists && !_lowBroken && bar.Close < Float32.Round(_low.Level, _float32Levels))
        {
            _lowBroken = true;
            Break(-1, in _low, t, events);
        }
    }

    private void Break(sbyte direction, in SwingPoint swing, long t, EventBuffer events)
    {
        var kind = Trend == -direction ? IctEventKind.Choch : IctEventKind.Bos;
        Trend = direction;
        var id = new ZoneId(ZoneKind.Structure, direction, _timeframeMs, swing.TimeMs);
        var level = Float32.Round(swing.Level, _float32Levels);
        LastBreak = new IctEvent(kind, direction, id, t, swing.Index, level, double.NaN, double.NaN, swing.Index);
        events.Add(LastBreak);
        Version++;
    }
}
