namespace TradingBot.Ict.Candles;

/// <summary>
/// Fixed-size ring buffer of the most recent closed candles, addressed by absolute bar index
/// (0 = first candle ever added). Never allocates after construction.
/// </summary>
public sealed class CandleRing
{
    private readonly Candle[] _items;
    private readonly int _mask;

    /// <param name="capacity">Rounded up to a power of two.</param>
    public CandleRing(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        var size = 1;
        while (size < capacity)
        {
            size <<= 1;
        }

        _items = new Candle[size];
        _mask = size - 1;
    }

    /// <summary>Number of candles ever added; the newest candle has index <c>Count - 1</c>.</summary>
    public long Count { get; private set; }

    public int Capacity => _items.Length;

    /// <summary>Oldest absolute index still held.</summary>
    public long OldestIndex => Math.Max(0, Count - _items.Length);

    public ref readonly Candle Last => ref _items[(int)((Count - 1) & _mask)];

    /// <summary>Candle with absolute index <paramref name="index"/>; must be within the retained window.</summary>
    public ref readonly Candle this[long index]
    {
        get
        {
            if ((ulong)(Count - 1 - index) >= (ulong)Math.Min(Count, _items.Length))
            {
                ThrowOutOfWindow(index);
            }

            return ref _items[(int)(index & _mask)];
        }
    }

    public bool Holds(long index) => index >= OldestIndex && index < Count;

    public void Add(in Candle candle)
    {
        _items[(int)(Count & _mask)] = candle;
        Count++;
    }

    private void ThrowOutOfWindow(long index) =>
        throw new ArgumentOutOfRangeException(nameof(index), index, $"bar {index} is outside the retained window [{OldestIndex}, {Count - 1}]");
}
