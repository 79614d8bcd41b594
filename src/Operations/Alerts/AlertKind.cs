namespace TradingBot.Operations.Alerts;

/// <summary>What happened; alerts can be switched on or off per kind (<c>Alerts:Kinds:&lt;Kind&gt; = false</c>).</summary>
public enum AlertKind
{
    PositionOpened,
    PositionClosed,
    StopLossHit,
    TakeProfitHit,
    DailyLossLimitReached,
    OrderFailed,
    SystemStarted,
    SystemStopped,
    SystemError,
    WebSocketDisconnected,
    WebSocketReconnected,
    ConfigChanged,
}
