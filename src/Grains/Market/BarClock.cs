namespace TradingBot.Grains.Market;

/// <summary>
/// Open times of the last bars an engine processed, by bar index, so zone and event indices can be
/// turned back into times even across gaps.
/// </summary>
internal sealed class BarClock(int capacity = 8192)
{
    private readonly long[] _openTimes = new long[capacity];
    private long _count;

    public void Record(long index, long openTimeMs)
    {
        _openTimes[index % _openTimes.Length] = openTimeMs;
        _count = Math.Max(_count, index + 1);
    }

    /// <summary>Open time of bar <paramref name="index"/>, or null when it is older than the window.</summary>
    public long? OpenTime(long index) =>
        index < 0 || index >= _count || index < _count - _openTimes.Length ? null : _openTimes[index % _openTimes.Length];
}
