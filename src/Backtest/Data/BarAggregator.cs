namespace TradingBot.Backtest.Data;

/// <summary>Higher-timeframe bars from 1m bars the way the exchange builds them: aligned windows, first open, max high, min low, last close, summed volume.</summary>
public static class BarAggregator
{
    /// <summary>Aggregates into <paramref name="minutes"/>-minute windows; a window with missing minutes is kept (the exchange has the trades we lack).</summary>
    public static Bar[] Aggregate(ReadOnlySpan<Bar> minutes, int windowMinutes)
    {
        var windowMs = windowMinutes * 60_000L;
        var result = new List<Bar>((minutes.Length / windowMinutes) + 1);
        var has = false;
        Bar current = default;
        foreach (var bar in minutes)
        {
            var window = bar.OpenMs - (((bar.OpenMs % windowMs) + windowMs) % windowMs);
            if (has && current.OpenMs == window)
            {
                current = current with
                {
                    High = Math.Max(current.High, bar.High),
                    Low = Math.Min(current.Low, bar.Low),
                    Close = bar.Close,
                    Volume = current.Volume + bar.Volume,
                };
                continue;
            }

            if (has)
            {
                result.Add(current);
            }

            current = bar with { OpenMs = window };
            has = true;
        }

        if (has)
        {
            result.Add(current);
        }

        return [.. result];
    }
}
