namespace TradingBot.Dashboard.Security;

/// <summary>
/// The wall clock for sessions, login lockouts and audit timestamps. Deliberately not the container's
/// <see cref="TimeProvider"/>: in paper mode that may be the bot's accelerated simulated clock, which
/// would expire sessions and lockouts early. Tests register their own instance.
/// </summary>
internal sealed class DashboardClock(TimeProvider time)
{
    public static readonly DashboardClock System = new(TimeProvider.System);

    public TimeProvider Time => time;

    public DateTimeOffset UtcNow => time.GetUtcNow();
}
