namespace TradingBot.Grains.Gateway;

/// <summary>
/// "Now" as the exchange's market data says: the latest closed-candle end or mark-price time seen.
/// Used when the bot trades a simulator it does not host (its market time runs ahead of the wall clock).
/// Timers and elapsed-time measurements stay on the machine's clock.
/// </summary>
public sealed class ObservedMarketClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    /// <summary>Moves the clock forward to <paramref name="time"/> (never backwards).</summary>
    public void Observe(DateTimeOffset time)
    {
        var ticks = time.UtcTicks;
        var current = Interlocked.Read(ref _ticks);
        while (ticks > current)
        {
            var seen = Interlocked.CompareExchange(ref _ticks, ticks, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
