using TradingBot.Dashboard.Ports.Trading;

namespace TradingBot.Dashboard.Ports;

/// <summary>
/// Tells connected dashboard pages that something changed. The integrator calls it from position,
/// account and status changes. Every method returns at once: updates are coalesced (latest wins per
/// topic) and pushed over SignalR by a background pump, so a grain turn never waits on a browser.
/// </summary>
public interface IDashboardNotifier
{
    /// <summary>The full list of open positions after a change (also on each mark-price PnL update).</summary>
    void PositionsChanged(IReadOnlyList<PositionView> positions);

    /// <summary>The account after a balance or PnL change.</summary>
    void AccountChanged(AccountView account);

    /// <summary>The system status after a connection, entries, strategy or risk change.</summary>
    void StatusChanged(SystemStatusView status);

    /// <summary>Something else changed; open pages re-fetch that part.</summary>
    void Changed(DashboardTopic topic);
}
