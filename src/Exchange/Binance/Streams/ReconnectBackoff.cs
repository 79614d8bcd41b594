namespace TradingBot.Exchange.Binance.Streams;

/// <summary>Exponential back-off with "equal jitter": delay ∈ [base/2, base], base = initial × 2^(attempt−1), capped at max (≤ 30 s).</summary>
internal sealed class ReconnectBackoff(TimeSpan initial, TimeSpan max, int? seed)
{
    private static readonly TimeSpan s_hardCap = TimeSpan.FromSeconds(30);
    private readonly Random _random = seed is { } s ? new Random(s) : new Random();
    private readonly TimeSpan _max = max > s_hardCap || max <= TimeSpan.Zero ? s_hardCap : max;

    public TimeSpan Next(int attempt)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 20);
        var baseMs = Math.Min(_max.TotalMilliseconds, initial.TotalMilliseconds * Math.Pow(2, exponent));
        double jitter;
        lock (_random)
        {
            jitter = _random.NextDouble();
        }

        return TimeSpan.FromMilliseconds((baseMs / 2) + (jitter * baseMs / 2));
    }
}
