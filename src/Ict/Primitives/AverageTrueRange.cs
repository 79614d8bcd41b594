using TradingBot.Ict.Candles;

namespace TradingBot.Ict.Primitives;

/// <summary>
/// Wilder ATR from data known so far: the plain mean of true ranges until <c>period</c> bars exist,
/// then Wilder smoothing. Causal by construction (tolerances derived from it never look ahead).
/// </summary>
public sealed class AverageTrueRange
{
    private readonly int _period;
    private long _count;
    private double _previousClose = double.NaN;

    public AverageTrueRange(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _period = period;
    }

    /// <summary>Current ATR; 0 before the first bar.</summary>
    public double Value { get; private set; }

    public void OnBar(in Candle bar)
    {
        var range = bar.High - bar.Low;
        if (!double.IsNaN(_previousClose))
        {
            range = Math.Max(range, Math.Max(Math.Abs(bar.High - _previousClose), Math.Abs(bar.Low - _previousClose)));
        }

        _previousClose = bar.Close;
        _count++;
        var divisor = Math.Min(_count, _period);
        Value += (range - Value) / divisor;
    }
}
