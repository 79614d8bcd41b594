using TradingBot.Ict.Candles;
using TradingBot.Ict.Primitives;

namespace TradingBot.Ict.Sessions;

/// <summary>
/// Session (killzone) activity by bar open time of day, inclusive at both ends, in the timestamps' own clock
/// (the reference applies it to broker time). High/low run over the current contiguous active stretch; 0 when inactive.
/// </summary>
public sealed class SessionTracker
{
    private readonly int _startMinute;
    private readonly int _endMinute;
    private readonly bool _float32Levels;

    /// <param name="startMinute">Minute of day the session opens (e.g. 7 × 60).</param>
    /// <param name="endMinute">Minute of day of the last active bar (inclusive); may be before start to wrap midnight.</param>
    /// <param name="float32Levels">Round the running high/low to float32 (reference parity).</param>
    public SessionTracker(int startMinute, int endMinute, bool float32Levels = false)
    {
        _startMinute = startMinute;
        _endMinute = endMinute;
        _float32Levels = float32Levels;
    }

    public bool Active { get; private set; }

    public double High { get; private set; }

    public double Low { get; private set; }

    public void OnBar(in Candle bar)
    {
        var minute = (int)((((bar.OpenTimeMs / 60_000) % 1440) + 1440) % 1440);
        var active = _startMinute <= _endMinute
            ? minute >= _startMinute && minute <= _endMinute
            : minute >= _startMinute || minute <= _endMinute;
        if (!active)
        {
            Active = false;
            High = 0;
            Low = 0;
            return;
        }

        var high = Float32.Round(bar.High, _float32Levels);
        var low = Float32.Round(bar.Low, _float32Levels);
        High = Active ? Math.Max(High, high) : high;
        Low = Active ? Math.Min(Low, low) : low;
        Active = true;
    }
}
