using TradingBot.Dashboard.Security;

namespace TradingBot.Dashboard.Tests.Fakes;

/// <summary>Keeps the paper-mode one-time password instead of printing it.</summary>
internal sealed class CapturingAnnouncer : IOneTimePasswordAnnouncer
{
    public string? Password { get; private set; }

    public void Announce(string password) => Password = password;
}
