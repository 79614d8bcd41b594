namespace TradingBot.Ict.Reference;

/// <summary>
/// "First index ≥ start whose value is above (below) a level" over a fixed array, using block maxima/minima
/// so that long unbroken searches skip 64 and 4096 values at a time.
/// </summary>
internal sealed class FirstCrossSearch
{
    private const int Small = 64;
    private const int Large = 4096;
    private readonly double[] _values;
    private readonly double[] _smallMax;
    private readonly double[] _smallMin;
    private readonly double[] _largeMax;
    private readonly double[] _largeMin;

    public FirstCrossSearch(double[] values)
    {
        _values = values;
        _smallMax = Blocks(values, Small, max: true);
        _smallMin = Blocks(values, Small, max: false);
        _largeMax = Blocks(values, Large, max: true);
        _largeMin = Blocks(values, Large, max: false);
    }

    /// <summary>First i ≥ start with value &gt; level (above) or &lt; level (below); −1 if none.</summary>
    public long Find(long start, double level, bool above)
    {
        var i = start;
        var n = _values.Length;
        while (i < n)
        {
            if (i % Large == 0 && !Hit(above ? _largeMax[i / Large] : _largeMin[i / Large], level, above))
            {
                i += Large;
                continue;
            }

            if (i % Small == 0 && !Hit(above ? _smallMax[i / Small] : _smallMin[i / Small], level, above))
            {
                i += Small;
                continue;
            }

            if (Hit(_values[i], level, above))
            {
                return i;
            }

            i++;
        }

        return -1;
    }

    private static bool Hit(double value, double level, bool above) => above ? value > level : value < level;

    private static double[] Blocks(double[] values, int size, bool max)
    {
        var blocks = new double[(values.Length + size - 1) / size];
        for (var b = 0; b < blocks.Length; b++)
        {
            var extreme = max ? double.NegativeInfinity : double.PositiveInfinity;
            var end = Math.Min(values.Length, (b + 1) * size);
            for (var i = b * size; i < end; i++)
            {
                extreme = max ? Math.Max(extreme, values[i]) : Math.Min(extreme, values[i]);
            }

            blocks[b] = extreme;
        }

        return blocks;
    }
}
