namespace TradingBot.Ict.Candles;

/// <summary>What one source candle produced.</summary>
/// <param name="Count">Higher-timeframe candles closed by this source candle (0, 1 or 2).</param>
/// <param name="First">First closed candle (an earlier bucket closed by the arrival of a later bucket's candle, or the current one).</param>
/// <param name="FirstComplete">All source candles of <paramref name="First"/>'s bucket were present.</param>
/// <param name="Second">Second closed candle when the source candle also completed its own bucket.</param>
/// <param name="SecondComplete">All source candles of <paramref name="Second"/>'s bucket were present.</param>
/// <param name="MissingBefore">Source candles missing between the previous source candle and this one (a gap; never filled).</param>
public readonly record struct AggregationResult(int Count, Candle First, bool FirstComplete, Candle Second, bool SecondComplete, long MissingBefore);

/// <summary>
/// Aggregates closed source candles (normally 1m) into a higher timeframe exactly like exchange klines: bucket by
/// open-time floor, open = first open, high/low = extremes, close = last close, volume = sum. A bucket is emitted
/// when its last source candle closes, or, if that one is missing, when a candle of a later bucket arrives.
/// Gaps are reported (<see cref="AggregationResult.MissingBefore"/>, incomplete flags), never filled.
/// </summary>
public sealed class CandleAggregator
{
    private readonly Timeframe _source;
    private readonly Timeframe _target;
    private readonly long _perBucket;
    private bool _open;
    private Candle _current;
    private long _count;
    private long _lastSourceTime = long.MinValue;

    public CandleAggregator(Timeframe target, Timeframe? source = null)
    {
        _source = source ?? Timeframe.M1;
        _target = target;
        if (_target.Milliseconds % _source.Milliseconds != 0)
        {
            throw new ArgumentException($"target {_target} is not a multiple of source {_source}", nameof(target));
        }

        _perBucket = _target.Milliseconds / _source.Milliseconds;
    }

    public Timeframe Target => _target;

    /// <summary>Adds one closed source candle. Candles not after the previous one are rejected with an exception.</summary>
    public AggregationResult Add(in Candle candle)
    {
        if (candle.OpenTimeMs <= _lastSourceTime)
        {
            throw new ArgumentException($"source candle at {candle.OpenTimeUtc:O} is not after the previous one", nameof(candle));
        }

        var missing = _lastSourceTime == long.MinValue ? 0 : ((candle.OpenTimeMs - _lastSourceTime) / _source.Milliseconds) - 1;
        _lastSourceTime = candle.OpenTimeMs;
        var bucket = _target.BucketStart(candle.OpenTimeMs);
        var count = 0;
        Candle first = default, second = default;
        bool firstComplete = false, secondComplete = false;
        if (_open && _current.OpenTimeMs != bucket)
        {
            first = _current;
            firstComplete = _count == _perBucket;
            count = 1;
            _open = false;
        }

        if (!_open)
        {
            _current = candle with { OpenTimeMs = bucket };
            _count = 1;
            _open = true;
        }
        else
        {
            _current = new Candle(bucket, _current.Open, Math.Max(_current.High, candle.High), Math.Min(_current.Low, candle.Low), candle.Close, _current.Volume + candle.Volume);
            _count++;
        }

        if (candle.OpenTimeMs + _source.Milliseconds == bucket + _target.Milliseconds)
        {
            _open = false;
            if (count == 0)
            {
                first = _current;
                firstComplete = _count == _perBucket;
            }
            else
            {
                second = _current;
                secondComplete = _count == _perBucket;
            }

            count++;
        }

        return new AggregationResult(count, first, firstComplete, second, secondComplete, missing);
    }
}
