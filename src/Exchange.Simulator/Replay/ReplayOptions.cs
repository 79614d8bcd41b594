namespace TradingBot.Exchange.Simulator.Replay;

/// <summary>How fast and from where the market is replayed.</summary>
public sealed record ReplayOptions
{
    /// <summary>Simulated seconds per real second (60 = one minute per second). <see cref="double.PositiveInfinity"/> = as fast as possible.</summary>
    public double Speed { get; init; } = 60;

    /// <summary>First replayed bar (earlier bars are served as history). Null = the first bar of the data.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>
    /// Re-time the data so the replay starts at the server clock's current hour (bars keep their spacing). With Speed 1 the
    /// market time then equals the server time, which makes the simulator indistinguishable from the live venue for a bot.
    /// </summary>
    public bool ShiftToPresent { get; init; }

    /// <summary>Interval between markPriceUpdate messages (Binance: 3 s; the @1s stream is always 1 s).</summary>
    public TimeSpan MarkPriceInterval { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Kline intervals pushed on streams (must be multiples of the data's base interval).</summary>
    public IReadOnlyList<string> StreamIntervals { get; init; } = ["1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "1d"];

    /// <summary>Real-time granularity of the pacing loop.</summary>
    public TimeSpan Tick { get; init; } = TimeSpan.FromMilliseconds(20);
}
