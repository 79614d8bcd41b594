using TradingBot.Ict.Candles;

namespace TradingBot.Ict.Reference;

/// <summary>
/// smc.bos_choch in batch form (§3.3a). Kept separate from the causal <see cref="Structure.MarketStructureDetector"/>
/// because its labels need two later swings and its supersede rule needs later breaks: it is hindsight by design.
/// </summary>
internal static class ReferenceStructure
{
    public static IctTable Build(IReadOnlyList<Candle> bars, SwingSeries swings, bool closeBreak, bool float32Levels)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(swings);
        var n = bars.Count;
        var points = swings.Points;
        var flagged = new List<(long Row, int Direction, bool Bos, double Level)>();
        for (var k = 3; k < points.Count; k++)
        {
            var (a, b, c, d) = (points[k - 3], points[k - 2], points[k - 1], points[k]);
            if (a.Direction < 0 && b.Direction > 0 && c.Direction < 0 && d.Direction > 0)
            {
                if (a.Level < c.Level && c.Level < b.Level && b.Level < d.Level)
                {
                    flagged.Add((b.Index, 1, true, Primitives.Float32.Round(b.Level, float32Levels)));
                }
                else if (d.Level > b.Level && b.Level > a.Level && a.Level > c.Level)
                {
                    flagged.Add((b.Index, 1, false, Primitives.Float32.Round(b.Level, float32Levels)));
                }
            }
            else if (a.Direction > 0 && b.Direction < 0 && c.Direction > 0 && d.Direction < 0)
            {
                if (a.Level > c.Level && c.Level > b.Level && b.Level > d.Level)
                {
                    flagged.Add((b.Index, -1, true, Primitives.Float32.Round(b.Level, float32Levels)));
                }
                else if (d.Level < b.Level && b.Level < a.Level && a.Level < c.Level)
                {
                    flagged.Add((b.Index, -1, false, Primitives.Float32.Round(b.Level, float32Levels)));
                }
            }
        }

        var up = new double[n];
        var down = new double[n];
        for (var i = 0; i < n; i++)
        {
            up[i] = closeBreak ? bars[i].Close : bars[i].High;
            down[i] = closeBreak ? bars[i].Close : bars[i].Low;
        }

        var upSearch = new FirstCrossSearch(up);
        var downSearch = closeBreak ? upSearch : new FirstCrossSearch(down);
        var broken = new long[flagged.Count];
        var killed = new bool[flagged.Count];
        // Live, broken events keyed by their break bar: a later event breaking at j kills every earlier one breaking at ≥ j.
        var live = new PriorityQueue<int, long>(Comparer<long>.Create((x, y) => y.CompareTo(x)));
        for (var e = 0; e < flagged.Count; e++)
        {
            var (row, direction, _, level) = flagged[e];
            var j = direction > 0 ? upSearch.Find(row + 2, level, above: true) : downSearch.Find(row + 2, level, above: false);
            if (j < 0)
            {
                continue;
            }

            broken[e] = j;
            while (live.TryPeek(out var other, out var otherBreak) && otherBreak >= j)
            {
                live.Dequeue();
                killed[other] = true;
            }

            live.Enqueue(e, j);
        }

        var table = IctTableLayouts.BosChoch(n);
        for (var e = 0; e < flagged.Count; e++)
        {
            if (broken[e] == 0)
            {
                continue;
            }

            var (row, direction, bos, level) = flagged[e];
            if (killed[e])
            {
                table.SetRow(row, double.NaN, double.NaN, double.NaN, broken[e]);
            }
            else
            {
                table.SetRow(row, bos ? direction : double.NaN, bos ? double.NaN : direction, level, broken[e]);
            }
        }

        return table;
    }
}
