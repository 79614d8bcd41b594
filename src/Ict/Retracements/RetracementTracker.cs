using TradingBot.Ict.Candles;

namespace TradingBot.Ict.Retracements;

/// <summary>
/// Retracement of the current leg (reference §3.8 steps 1–3): after a swing high, how much of the up-leg
/// (bottom → top) the low gave back, in percent rounded half-to-even to 0.1; after a swing low the mirror.
/// Feed the swing that is known at this bar: the final swing on its own row (reference) or a swing at its
/// confirmation bar (causal).
/// </summary>
public sealed class RetracementTracker
{
    private double _top;
    private double _bottom;

    /// <summary>+1 after a swing high, −1 after a swing low, 0 before the first swing.</summary>
    public int Direction { get; private set; }

    public double Current { get; private set; }

    public double Deepest { get; private set; }

    /// <param name="bar">The bar.</param>
    /// <param name="swingDirection">+1 / −1 when a swing high / low is applied at this bar, else 0.</param>
    /// <param name="swingLevel">Its level.</param>
    public void OnBar(in Candle bar, int swingDirection, double swingLevel)
    {
        var previousDirection = Direction;
        var previousDeepest = Deepest;
        if (swingDirection > 0)
        {
            Direction = 1;
            _top = swingLevel;
        }
        else if (swingDirection < 0)
        {
            Direction = -1;
            _bottom = swingLevel;
        }

        // Reference asymmetry kept: the up-leg branch tests the previous bar's direction, the down-leg branch this bar's.
        var current = 0.0;
        var deepest = 0.0;
        if (previousDirection == 1)
        {
            current = _top == _bottom ? 0 : Round1(100 - ((bar.Low - _bottom) / (_top - _bottom) * 100));
            deepest = Math.Max(previousDeepest, current);
        }

        if (Direction == -1)
        {
            current = _bottom == _top ? 0 : Round1(100 - ((bar.High - _top) / (_bottom - _top) * 100));
            deepest = Math.Max(previousDirection == -1 ? previousDeepest : 0, current);
        }

        Current = current;
        Deepest = deepest;
    }

    private static double Round1(double value) => Math.Round(value, 1, MidpointRounding.ToEven);
}
