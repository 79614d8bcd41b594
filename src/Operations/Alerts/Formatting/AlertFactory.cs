namespace TradingBot.Operations.Alerts.Formatting;

/// <summary>
/// Builds <see cref="Alert"/>s with deterministic ids <c>&lt;Kind&gt;:&lt;eventId&gt;</c>. Pass the id of the
/// causing event (position id, client order id, …) so that a replayed event produces the same alert id and the
/// outbox stores it once.
/// </summary>
public static class AlertFactory
{
    public static Alert PositionOpened(string eventId, DateTimeOffset createdUtc, PositionOpenedAlertData data) =>
        Create(AlertKind.PositionOpened, AlertSeverity.Info, eventId, createdUtc, AlertText.PositionOpened(data));

    /// <summary>Kind is <see cref="AlertKind.StopLossHit"/> or <see cref="AlertKind.TakeProfitHit"/> when a level closed it.</summary>
    public static Alert PositionClosed(string eventId, DateTimeOffset createdUtc, PositionClosedAlertData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var kind = data.Reason switch
        {
            CloseReason.StopLoss => AlertKind.StopLossHit,
            CloseReason.TakeProfit => AlertKind.TakeProfitHit,
            _ => AlertKind.PositionClosed,
        };
        var severity = data.Reason is CloseReason.Liquidation or CloseReason.EmergencyStop
            ? AlertSeverity.Critical
            : AlertSeverity.Info;
        return Create(kind, severity, eventId, createdUtc, AlertText.PositionClosed(data));
    }

    public static Alert DailyLossLimitReached(string eventId, DateTimeOffset createdUtc, DailyLossLimitAlertData data) =>
        Create(AlertKind.DailyLossLimitReached, AlertSeverity.Critical, eventId, createdUtc, AlertText.DailyLossLimitReached(data));

    public static Alert OrderFailed(string eventId, DateTimeOffset createdUtc, OrderFailedAlertData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var severity = data.WillRetry ? AlertSeverity.Warning : AlertSeverity.Critical;
        return Create(AlertKind.OrderFailed, severity, eventId, createdUtc, AlertText.OrderFailed(data));
    }

    public static Alert SystemStarted(string eventId, DateTimeOffset createdUtc, SystemStartedAlertData data) =>
        Create(AlertKind.SystemStarted, AlertSeverity.Info, eventId, createdUtc, AlertText.SystemStarted(data));

    public static Alert SystemStopped(string eventId, DateTimeOffset createdUtc, SystemStoppedAlertData data) =>
        Create(AlertKind.SystemStopped, AlertSeverity.Warning, eventId, createdUtc, AlertText.SystemStopped(data));

    public static Alert SystemError(string eventId, DateTimeOffset createdUtc, SystemErrorAlertData data) =>
        Create(AlertKind.SystemError, AlertSeverity.Critical, eventId, createdUtc, AlertText.SystemError(data));

    public static Alert WebSocketDisconnected(string eventId, DateTimeOffset createdUtc, WebSocketDisconnectedAlertData data) =>
        Create(AlertKind.WebSocketDisconnected, AlertSeverity.Warning, eventId, createdUtc, AlertText.WebSocketDisconnected(data));

    public static Alert WebSocketReconnected(string eventId, DateTimeOffset createdUtc, WebSocketReconnectedAlertData data) =>
        Create(AlertKind.WebSocketReconnected, AlertSeverity.Info, eventId, createdUtc, AlertText.WebSocketReconnected(data));

    /// <summary>Warning when something needs a restart or was rejected, Info when everything applied.</summary>
    public static Alert ConfigChanged(string eventId, DateTimeOffset createdUtc, ConfigChangedAlertData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var severity = data.RestartRequired.Count > 0 || data.Rejected.Count > 0 ? AlertSeverity.Warning : AlertSeverity.Info;
        return Create(AlertKind.ConfigChanged, severity, eventId, createdUtc, AlertText.ConfigChanged(data));
    }

    private static Alert Create(AlertKind kind, AlertSeverity severity, string eventId, DateTimeOffset createdUtc, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        return new Alert(kind + ":" + eventId, kind, severity, createdUtc.ToUniversalTime(), text);
    }
}
