using TradingBot.Exchange.Simulator.Matching;

namespace TradingBot.Exchange.Simulator.Market;

/// <summary>A point of the price path inside a bar.</summary>
public readonly record struct PathPoint(long TimeMs, decimal Price);

/// <summary>Turns a candle into the four-vertex path open→extreme→extreme→close the engine walks through.</summary>
public static class IntrabarPath
{
    /// <summary>
    /// Vertices at open, +1/3, +2/3 of the bar and its last millisecond. Segments between vertices are continuous
    /// (orders resting between two vertices fill at their own price, stops at their trigger price).
    /// </summary>
    public static IReadOnlyList<PathPoint> Vertices(Candle candle, TimeSpan interval, IntrabarPathMode mode)
    {
        var lowFirst = mode switch
        {
            IntrabarPathMode.LowFirst => true,
            IntrabarPathMode.HighFirst => false,
            _ => candle.IsGreen,
        };
        var lengthMs = (long)interval.TotalMilliseconds;
        var first = lowFirst ? candle.Low : candle.High;
        var second = lowFirst ? candle.High : candle.Low;
        return
        [
            new PathPoint(candle.OpenTime, candle.Open),
            new PathPoint(candle.OpenTime + (lengthMs / 3), first),
            new PathPoint(candle.OpenTime + (2 * lengthMs / 3), second),
            new PathPoint(candle.OpenTime + lengthMs - 1, candle.Close),
        ];
    }

    /// <summary>Linear interpolation of the path at <paramref name="timeMs"/> (clamped to the bar).</summary>
    public static decimal PriceAt(IReadOnlyList<PathPoint> vertices, long timeMs)
    {
        if (timeMs <= vertices[0].TimeMs)
        {
            return vertices[0].Price;
        }

        for (var i = 1; i < vertices.Count; i++)
        {
            var b = vertices[i];
            if (timeMs <= b.TimeMs)
            {
                var a = vertices[i - 1];
                var fraction = (decimal)(timeMs - a.TimeMs) / (b.TimeMs - a.TimeMs);
                return a.Price + ((b.Price - a.Price) * fraction);
            }
        }

        return vertices[^1].Price;
    }
}
