using TradingBot.Ict.Candles;
using TradingBot.Ict.Events;
using TradingBot.Ict.Primitives;

namespace TradingBot.Ict.Swings;

/// <summary>
/// Incremental swing highs/lows (reference §3.1d). At the close of bar t the candidate p = t−L is classified
/// against bars p−L+1 … t (high wins when both), then collapsed against the last kept swing: same type and
/// strictly more extreme replaces it, same type otherwise is dropped, opposite type is appended.
/// </summary>
public sealed class SwingDetector
{
    private readonly int _length;
    private readonly long _firstCandidate;
    private readonly long _timeframeMs;
    private readonly MonotonicWindow _highs;
    private readonly MonotonicWindow _lows;

    public SwingDetector(SwingOptions options, long timeframeMs)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Length, 1);
        _length = options.Length;
        _firstCandidate = options.WarmupQuirk ? (2L * _length) - 1 : _length - 1;
        _timeframeMs = timeframeMs;
        _highs = new MonotonicWindow(2 * _length, max: true);
        _lows = new MonotonicWindow(2 * _length, max: false);
    }

    public int Length => _length;

    /// <summary>Last kept swing of either type.</summary>
    public SwingPoint Last { get; private set; } = SwingPoint.None;

    /// <summary>Latest kept swing high.</summary>
    public SwingPoint LastHigh { get; private set; } = SwingPoint.None;

    /// <summary>Latest kept swing low.</summary>
    public SwingPoint LastLow { get; private set; } = SwingPoint.None;

    /// <summary>The swing low that preceded <see cref="LastHigh"/> in the kept list (breaker leg start).</summary>
    public SwingPoint LowBeforeLastHigh { get; private set; } = SwingPoint.None;

    /// <summary>The swing high that preceded <see cref="LastLow"/> in the kept list.</summary>
    public SwingPoint HighBeforeLastLow { get; private set; } = SwingPoint.None;

    /// <summary>What happened at the last processed bar.</summary>
    public SwingChange Change { get; private set; }

    /// <summary>The pivot replaced at the last bar when <see cref="Change"/> is Replaced.</summary>
    public SwingPoint ReplacedPoint { get; private set; } = SwingPoint.None;

    // Same-type predecessor of LastHigh/LastLow, used for HH/LH/HL/LL labels.
    private SwingPoint _highBefore = SwingPoint.None;
    private SwingPoint _lowBefore = SwingPoint.None;

    /// <summary>Processes the newest bar of <paramref name="bars"/> (needs ≥ 2L+1 retained bars).</summary>
    public void OnBar(CandleRing bars, EventBuffer events)
    {
        Change = SwingChange.None;
        var t = bars.Count - 1;
        ref readonly var bar = ref bars[t];
        var windowStart = t - (2 * _length) + 1;
        _highs.Push(t, bar.High, windowStart);
        _lows.Push(t, bar.Low, windowStart);
        var p = t - _length;
        if (p < _firstCandidate)
        {
            return;
        }

        ref readonly var pivot = ref bars[p];
        if (pivot.High == _highs.Extreme)
        {
            Collapse(new SwingPoint(p, pivot.OpenTimeMs, 1, pivot.High, SwingLabel.None), t, events);
        }
        else if (pivot.Low == _lows.Extreme)
        {
            Collapse(new SwingPoint(p, pivot.OpenTimeMs, -1, pivot.Low, SwingLabel.None), t, events);
        }
    }

    private void Collapse(SwingPoint candidate, long t, EventBuffer events)
    {
        var last = Last;
        if (last.Exists && last.Direction == candidate.Direction)
        {
            var moreExtreme = candidate.Direction > 0 ? candidate.Level > last.Level : candidate.Level < last.Level;
            if (!moreExtreme)
            {
                return;
            }

            candidate = Labelled(candidate, candidate.Direction > 0 ? _highBefore : _lowBefore);
            Store(candidate);
            ReplacedPoint = last;
            Change = SwingChange.Replaced;
            events.Add(new IctEvent(IctEventKind.SwingReplaced, candidate.Direction, IdOf(candidate), t, candidate.Index, candidate.Level, double.NaN, double.NaN, last.Index));
            return;
        }

        if (candidate.Direction > 0)
        {
            _highBefore = LastHigh;
            LowBeforeLastHigh = LastLow;
            candidate = Labelled(candidate, _highBefore);
        }
        else
        {
            _lowBefore = LastLow;
            HighBeforeLastLow = LastHigh;
            candidate = Labelled(candidate, _lowBefore);
        }

        Store(candidate);
        Change = SwingChange.Confirmed;
        events.Add(new IctEvent(IctEventKind.SwingConfirmed, candidate.Direction, IdOf(candidate), t, candidate.Index, candidate.Level, double.NaN, double.NaN, -1));
    }

    private void Store(SwingPoint point)
    {
        Last = point;
        if (point.Direction > 0)
        {
            LastHigh = point;
        }
        else
        {
            LastLow = point;
        }
    }

    private static SwingPoint Labelled(SwingPoint point, SwingPoint previousSameType)
    {
        if (!previousSameType.Exists)
        {
            return point;
        }

        var label = point.Direction > 0
            ? (point.Level > previousSameType.Level ? SwingLabel.HigherHigh : SwingLabel.LowerHigh)
            : (point.Level < previousSameType.Level ? SwingLabel.LowerLow : SwingLabel.HigherLow);
        return point with { Label = label };
    }

    private ZoneId IdOf(SwingPoint point) => new(ZoneKind.Swing, point.Direction, _timeframeMs, point.TimeMs);
}
