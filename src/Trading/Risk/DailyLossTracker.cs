namespace TradingBot.Trading.Risk;

/// <summary>
/// Tracks realized PnL per UTC day against the limit, measured from the day's starting balance.
/// The limit is reached when the day's loss (realized, net of fees) is at least the limit.
/// </summary>
public sealed class DailyLossTracker
{
    /// <summary>The UTC day being tracked.</summary>
    public DateOnly Day { get; private set; }

    /// <summary>Wallet balance at the start of <see cref="Day"/> (or when tracking began).</summary>
    public decimal StartingBalance { get; private set; }

    /// <summary>Realized PnL of the day, net of fees (negative is a loss).</summary>
    public decimal RealizedPnl { get; private set; }

    /// <summary>The day's loss as a positive number (0 when the day is in profit).</summary>
    public decimal Loss => Math.Max(0, -RealizedPnl);

    /// <summary>Restores persisted values.</summary>
    public void Restore(DateOnly day, decimal startingBalance, decimal realizedPnl)
    {
        Day = day;
        StartingBalance = startingBalance;
        RealizedPnl = realizedPnl;
    }

    /// <summary>Rolls over to a new UTC day when <paramref name="now"/> is past the tracked one.</summary>
    /// <returns>True when a new day started.</returns>
    public bool Roll(DateTimeOffset now, decimal currentBalance)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (today == Day && StartingBalance > 0)
        {
            return false;
        }

        Day = today;
        StartingBalance = currentBalance;
        RealizedPnl = 0;
        return true;
    }

    /// <summary>Adds a closed trade's net PnL.</summary>
    public void Record(decimal netPnl) => RealizedPnl += netPnl;

    /// <summary>The limit in quote currency for today.</summary>
    public decimal Limit(decimal limitFraction) => StartingBalance * limitFraction;

    /// <summary>True once the day's loss has reached the limit.</summary>
    public bool LimitReached(decimal limitFraction) => StartingBalance > 0 && Loss >= Limit(limitFraction);
}
