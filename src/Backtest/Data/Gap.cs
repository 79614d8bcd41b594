namespace TradingBot.Backtest.Data;

/// <summary>Missing 1m bars between two present ones (never filled in).</summary>
/// <param name="Symbol">Symbol.</param>
/// <param name="LastBeforeMs">Open time of the last bar before the gap.</param>
/// <param name="FirstAfterMs">Open time of the first bar after the gap.</param>
/// <param name="MissingBars">Number of bars missing.</param>
public sealed record Gap(string Symbol, long LastBeforeMs, long FirstAfterMs, long MissingBars)
{
    public override string ToString() =>
        $"{Symbol}: {MissingBars} bar(s) missing after {DateTimeOffset.FromUnixTimeMilliseconds(LastBeforeMs):yyyy-MM-dd HH:mm} (next {DateTimeOffset.FromUnixTimeMilliseconds(FirstAfterMs):yyyy-MM-dd HH:mm})";
}
