using TradingBot.Exchange.Simulator.Market;

namespace TradingBot.Exchange.Simulator.Replay;

/// <summary>
/// A symbol's base candles in columns: open time plus each decimal as a 64-bit mantissa and a one-byte scale, about
/// 53 bytes a candle instead of 112 for a list of <see cref="Candle"/> objects. Paper mode keeps weeks of 1m candles per
/// symbol in memory (72,000 per symbol bundled), so this is most of the simulator's heap. Values are rebuilt exactly
/// (same digits, same scale); the rare value whose mantissa needs more than 64 bits is kept aside as it was.
/// </summary>
internal sealed class CandleStore
{
    private const int Fields = 5;
    private long[] _openTimes;
    private long[] _mantissas;
    private byte[] _scales;
    private Dictionary<int, Candle>? _wide;

    public CandleStore(IReadOnlyCollection<Candle> candles)
    {
        ArgumentNullException.ThrowIfNull(candles);
        var capacity = Math.Max(4, candles.Count);
        _openTimes = new long[capacity];
        _mantissas = new long[capacity * Fields];
        _scales = new byte[capacity * Fields];
        foreach (var candle in candles)
        {
            Add(candle);
        }
    }

    public int Count { get; private set; }

    public Candle this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            if (_wide is not null && _wide.TryGetValue(index, out var wide))
            {
                return wide;
            }

            var at = index * Fields;
            return new Candle(_openTimes[index], Value(at), Value(at + 1), Value(at + 2), Value(at + 3), Value(at + 4));
        }
    }

    public void Add(Candle candle)
    {
        ArgumentNullException.ThrowIfNull(candle);
        if (Count == _openTimes.Length)
        {
            Array.Resize(ref _openTimes, Count * 2);
            Array.Resize(ref _mantissas, Count * 2 * Fields);
            Array.Resize(ref _scales, Count * 2 * Fields);
        }

        var index = Count++;
        _openTimes[index] = candle.OpenTime;
        var at = index * Fields;
        if (!(Store(at, candle.Open) & Store(at + 1, candle.High) & Store(at + 2, candle.Low) & Store(at + 3, candle.Close) & Store(at + 4, candle.Volume)))
        {
            (_wide ??= [])[index] = candle;
        }
    }

    /// <summary>Index of the first candle matching <paramref name="match"/>, or -1.</summary>
    public int FindIndex(Func<Candle, bool> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        for (var i = 0; i < Count; i++)
        {
            if (match(this[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Open time of a candle without rebuilding it (binary searches use this).</summary>
    public long OpenTimeAt(int index) => _openTimes[index];

    private bool Store(int at, decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var negative = bits[3] < 0;
        var scale = (byte)((bits[3] >> 16) & 0xFF);
        if (bits[2] != 0 || bits[1] < 0)
        {
            return false;
        }

        var mantissa = ((long)bits[1] << 32) | (uint)bits[0];
        _mantissas[at] = negative ? -mantissa : mantissa;
        _scales[at] = scale;
        return true;
    }

    private decimal Value(int at)
    {
        var m = _mantissas[at];
        var magnitude = (ulong)Math.Abs(m);
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, m < 0, _scales[at]);
    }
}
