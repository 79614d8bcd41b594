namespace TradingBot.Ict.Primitives;

/// <summary>
/// Sliding-window maximum (or minimum) over the last <c>width</c> pushed values in O(1) amortised time,
/// without allocating after construction.
/// </summary>
internal sealed class MonotonicWindow
{
    private readonly long[] _index;
    private readonly double[] _value;
    private readonly int _mask;
    private readonly bool _max;
    private long _head;
    private long _tail;

    public MonotonicWindow(int width, bool max)
    {
        var size = 2;
        while (size < width + 1)
        {
            size <<= 1;
        }

        _index = new long[size];
        _value = new double[size];
        _mask = size - 1;
        _max = max;
    }

    /// <summary>Extreme over the retained window; call only after at least one push.</summary>
    public double Extreme => _value[(int)(_head & _mask)];

    public void Push(long index, double value, long windowStart)
    {
        // Equal values are kept (strict comparison) so the window stays correct; only the value matters to callers.
        while (_tail > _head)
        {
            var back = _value[(int)((_tail - 1) & _mask)];
            if (_max ? back < value : back > value)
            {
                _tail--;
            }
            else
            {
                break;
            }
        }

        _index[(int)(_tail & _mask)] = index;
        _value[(int)(_tail & _mask)] = value;
        _tail++;
        while (_index[(int)(_head & _mask)] < windowStart)
        {
            _head++;
        }
    }
}
