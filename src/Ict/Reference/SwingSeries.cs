using TradingBot.Ict.Swings;

namespace TradingBot.Ict.Reference;

/// <summary>A final swing list in index order (the reference's swing_highs_lows output as points).</summary>
public sealed class SwingSeries
{
    public SwingSeries(IReadOnlyList<SwingPoint> points)
    {
        Points = points;
    }

    public IReadOnlyList<SwingPoint> Points { get; }

    /// <summary>From HighLow/Level columns (NaN = no swing), e.g. the expected CSV.</summary>
    public static SwingSeries FromColumns(IReadOnlyList<double> highLow, IReadOnlyList<double> level, IReadOnlyList<long> timesMs)
    {
        ArgumentNullException.ThrowIfNull(highLow);
        ArgumentNullException.ThrowIfNull(level);
        ArgumentNullException.ThrowIfNull(timesMs);
        var points = new List<SwingPoint>();
        for (var i = 0; i < highLow.Count; i++)
        {
            if (!double.IsNaN(highLow[i]) && highLow[i] != 0)
            {
                points.Add(new SwingPoint(i, timesMs[i], (sbyte)Math.Sign(highLow[i]), level[i], SwingLabel.None));
            }
        }

        return new SwingSeries(points);
    }

    /// <summary>From a swing table (columns HighLow, Level).</summary>
    public static SwingSeries FromTable(IctTable table, IReadOnlyList<long> timesMs)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(timesMs);
        var points = new List<SwingPoint>();
        foreach (var row in table.SortedRows())
        {
            var direction = table.Get(row, 0);
            if (!double.IsNaN(direction))
            {
                points.Add(new SwingPoint(row, timesMs[(int)row], (sbyte)Math.Sign(direction), table.Get(row, 1), SwingLabel.None));
            }
        }

        return new SwingSeries(points);
    }
}
