using TradingBot.Ict.Candles;
using TradingBot.Ict.Events;
using TradingBot.Ict.Primitives;

namespace TradingBot.Ict.Periods;

/// <summary>
/// Previous period high/low and whether price has traded beyond them. One code path for both modes: for bar ts,
/// m = number of non-empty period labels before ts (reference: strictly earlier labels, pandas conventions;
/// causal: the current period's start counts). The levels are those of period m−2 (0-based) if m ≥ 2; the broken
/// flags are running extremes since the first bar with the same m.
/// </summary>
public sealed class PreviousPeriodTracker
{
    private const long DayMs = 86_400_000;
    private readonly PreviousPeriodOptions _options;
    private readonly long _timeframeMs;
    private readonly ZoneKind _zoneKind;

    private long _currentKey = long.MinValue;
    private long _periodsBeforeCurrent = -1;
    private double _currentHigh;
    private double _currentLow;
    private double _prev1High = double.NaN;
    private double _prev1Low = double.NaN;
    private long _prev1Start;
    private double _prev2High = double.NaN;
    private double _prev2Low = double.NaN;
    private long _prev2Start;
    private long _groupM = long.MinValue;
    private double _groupHigh;
    private double _groupLow;

    public PreviousPeriodTracker(PreviousPeriodOptions options, long timeframeMs)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Kind == PeriodKind.Fixed && (options.PeriodMs <= 0 || DayMs % options.PeriodMs != 0))
        {
            throw new ArgumentException("fixed periods must divide a day", nameof(options));
        }

        _options = options;
        _timeframeMs = timeframeMs;
        _zoneKind = options.Kind == PeriodKind.Week ? ZoneKind.PreviousWeek : ZoneKind.PreviousDay;
    }

    /// <summary>Previous period high (NaN until two labels exist).</summary>
    public double PreviousHigh { get; private set; } = double.NaN;

    public double PreviousLow { get; private set; } = double.NaN;

    /// <summary>Open time of the period the levels come from.</summary>
    public long PreviousStartMs { get; private set; }

    public bool BrokenHigh { get; private set; }

    public bool BrokenLow { get; private set; }

    public void OnBar(in Candle bar, long t, EventBuffer events)
    {
        var key = KeyOf(bar.OpenTimeMs, out var labelMs, out var startMs);
        if (key != _currentKey)
        {
            if (_periodsBeforeCurrent >= 0)
            {
                _prev2High = _prev1High;
                _prev2Low = _prev1Low;
                _prev2Start = _prev1Start;
                _prev1High = _currentHigh;
                _prev1Low = _currentLow;
                _prev1Start = PeriodStart;
            }

            _periodsBeforeCurrent++;
            _currentKey = key;
            PeriodStart = startMs;
            _currentHigh = bar.High;
            _currentLow = bar.Low;
        }
        else
        {
            _currentHigh = Math.Max(_currentHigh, bar.High);
            _currentLow = Math.Min(_currentLow, bar.Low);
        }

        var labelCounts = _options.ReferenceCalendar ? labelMs < bar.OpenTimeMs : labelMs <= bar.OpenTimeMs;
        var m = _periodsBeforeCurrent + (labelCounts ? 1 : 0);
        var f32 = _options.Float32Levels;
        double high, low;
        long start;
        if (m - 2 == _periodsBeforeCurrent - 1)
        {
            (high, low, start) = (_prev1High, _prev1Low, _prev1Start);
        }
        else if (m - 2 == _periodsBeforeCurrent - 2)
        {
            (high, low, start) = (_prev2High, _prev2Low, _prev2Start);
        }
        else
        {
            (high, low, start) = (double.NaN, double.NaN, 0);
        }

        high = Float32.Round(high, f32);
        low = Float32.Round(low, f32);
        var id = new ZoneId(_zoneKind, 0, _timeframeMs, start);
        if (m != _groupM)
        {
            _groupM = m;
            _groupHigh = bar.High;
            _groupLow = bar.Low;
            BrokenHigh = false;
            BrokenLow = false;
            if (!double.IsNaN(high) && start != PreviousStartMs)
            {
                events.Add(new IctEvent(IctEventKind.PreviousPeriodRolled, 0, id, t, -1, high, high, low, -1));
            }
        }
        else
        {
            _groupHigh = Math.Max(_groupHigh, bar.High);
            _groupLow = Math.Min(_groupLow, bar.Low);
        }

        PreviousHigh = high;
        PreviousLow = low;
        PreviousStartMs = start;
        if (!BrokenHigh && _groupHigh > high)
        {
            BrokenHigh = true;
            events.Add(new IctEvent(IctEventKind.PreviousHighBroken, 1, id, t, -1, high, high, low, -1));
        }

        if (!BrokenLow && _groupLow < low)
        {
            BrokenLow = true;
            events.Add(new IctEvent(IctEventKind.PreviousLowBroken, -1, id, t, -1, low, high, low, -1));
        }
    }

    /// <summary>Open time of the current period.</summary>
    public long PeriodStart { get; private set; }

    private long KeyOf(long timeMs, out long labelMs, out long startMs)
    {
        if (_options.Kind == PeriodKind.Fixed)
        {
            var key = Math.DivRem(timeMs, _options.PeriodMs, out var rem);
            if (rem < 0)
            {
                key--;
            }

            labelMs = startMs = key * _options.PeriodMs;
            return key;
        }

        var day = Math.DivRem(timeMs, DayMs, out var dayRem);
        if (dayRem < 0)
        {
            day--;
        }

        // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays.
        var weekday = ((day + 3) % 7 + 7) % 7;
        var monday = day - weekday;
        startMs = monday * DayMs;
        // pandas "W": bins end on Sunday and carry the Sunday's date; intraday Sunday bars belong to that bin.
        labelMs = _options.ReferenceCalendar ? (monday + 6) * DayMs : startMs;
        return monday;
    }
}
