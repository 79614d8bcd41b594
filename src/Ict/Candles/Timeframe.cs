namespace TradingBot.Ict.Candles;

/// <summary>A candle interval, measured in milliseconds. Buckets are aligned to the Unix epoch like exchange klines.</summary>
public readonly record struct Timeframe(long Milliseconds)
{
    public static Timeframe M1 => new(60_000);
    public static Timeframe M5 => new(5 * 60_000);
    public static Timeframe M15 => new(15 * 60_000);
    public static Timeframe H1 => new(60 * 60_000);
    public static Timeframe H4 => new(4 * 60 * 60_000);
    public static Timeframe D1 => new(24 * 60 * 60_000);

    /// <summary>Open time of the bucket that contains <paramref name="timeMs"/>.</summary>
    public long BucketStart(long timeMs) => timeMs - (((timeMs % Milliseconds) + Milliseconds) % Milliseconds);

    /// <summary>Short name such as "1m", "15m", "1h", "1d"; falls back to milliseconds.</summary>
    public override string ToString() => Milliseconds switch
    {
        var ms when ms % 86_400_000 == 0 => $"{ms / 86_400_000}d",
        var ms when ms % 3_600_000 == 0 => $"{ms / 3_600_000}h",
        var ms when ms % 60_000 == 0 => $"{ms / 60_000}m",
        var ms => $"{ms}ms",
    };
}
