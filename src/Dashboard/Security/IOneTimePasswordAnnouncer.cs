namespace TradingBot.Dashboard.Security;

/// <summary>Tells the operator the paper-mode one-time password (standard output by default, never the log files).</summary>
internal interface IOneTimePasswordAnnouncer
{
    void Announce(string password);
}

/// <summary>Writes the one-time password to standard output.</summary>
internal sealed class ConsoleOneTimePasswordAnnouncer : IOneTimePasswordAnnouncer
{
    public void Announce(string password)
    {
        Console.Out.WriteLine("=================================================================");
        Console.Out.WriteLine("Dashboard (paper mode): no password hash configured.");
        Console.Out.WriteLine($"One-time password until this process stops: {password}");
        Console.Out.WriteLine("Set a permanent one: trading-bot hash-password -> DASHBOARD_PASSWORD_HASH");
        Console.Out.WriteLine("=================================================================");
        Console.Out.Flush();
    }
}
