namespace TradingBot.Dashboard.Ports;

/// <summary>Parts of the dashboard that pages re-fetch when told they changed.</summary>
public enum DashboardTopic
{
    Trades,
    Strategies,
    Equity,
    Charts,
    Backtests,
    Parameters,
}
