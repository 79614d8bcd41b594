namespace TradingBot.Contracts.Events;

/// <summary>Lifecycle and failure events of the silo.</summary>
public enum SystemEventKind
{
    Started,
    Stopped,
    Error,
    EmergencyStop,
    ReconciliationCompleted,
}
