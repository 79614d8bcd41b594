using System.Text;

namespace TradingBot.Operations.Alerts.Formatting;

/// <summary>Renders alert data as the Discord text of PRD §5.5.2 (Korean labels, one fact per line).</summary>
public static class AlertText
{
    public static string PositionOpened(PositionOpenedAlertData d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var emoji = d.Side == PositionSide.Long ? "🟢" : "🔴";
        return new StringBuilder()
            .Append(emoji).Append(" 포지션 진입 (전략 ").Append(d.Strategy).Append(')').Append('\n')
            .Append("심볼: ").Append(d.Symbol).Append('\n')
            .Append("방향: ").Append(Side(d.Side)).Append('\n')
            .Append("진입가: ").Append(AlertNumberFormat.Price(d.EntryPrice)).Append('\n')
            .Append("수량: ").Append(AlertNumberFormat.Quantity(d.Quantity)).Append(' ').Append(d.BaseAsset).Append('\n')
            .Append("레버리지: ").Append(AlertNumberFormat.Integer(d.Leverage)).Append('x').Append('\n')
            .Append("손절: ").Append(AlertNumberFormat.Price(d.StopLoss))
            .Append(" / 익절: ").Append(AlertNumberFormat.Price(d.TakeProfit))
            .ToString();
    }

    public static string PositionClosed(PositionClosedAlertData d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new StringBuilder()
            .Append(ClosedHeadline(d.Reason)).Append(" (전략 ").Append(d.Strategy).Append(')').Append('\n')
            .Append("심볼: ").Append(d.Symbol).Append('\n')
            .Append("방향: ").Append(Side(d.Side)).Append('\n')
            .Append("진입가: ").Append(AlertNumberFormat.Price(d.EntryPrice)).Append('\n')
            .Append("청산가: ").Append(AlertNumberFormat.Price(d.ExitPrice)).Append('\n')
            .Append("수량: ").Append(AlertNumberFormat.Quantity(d.Quantity)).Append(' ').Append(d.BaseAsset).Append('\n')
            .Append("손익: ").Append(AlertNumberFormat.SignedUsdt(d.PnlUsdt))
            .Append(" (").Append(AlertNumberFormat.SignedPercent(d.PnlPercent)).Append(')').Append('\n')
            .Append("청산 사유: ").Append(ClosedBecause(d.Reason, d.LevelPrice))
            .ToString();
    }

    public static string DailyLossLimitReached(DailyLossLimitAlertData d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new StringBuilder()
            .Append("⛔ 일일 손실 한도 도달").Append('\n')
            .Append("현재 손실: ").Append(AlertNumberFormat.Usdt(d.LossUsdt))
            .Append(" (").Append(AlertNumberFormat.Percent(d.LossPercent)).Append(')').Append('\n')
            .Append("한도: ").Append(AlertNumberFormat.Usdt(d.LimitUsdt))
            .Append(" (").Append(AlertNumberFormat.Percent(d.LimitPercent)).Append(')').Append('\n')
            .Append("신규 진입 차단: 다음 UTC 자정까지").Append('\n')
            .Append("기존 포지션: ").Append(d.ClosePositions ? "청산" : "유지")
            .ToString();
    }

    public static string OrderFailed(OrderFailedAlertData d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new StringBuilder()
            .Append("⚠️ 주문 실패").Append('\n')
            .Append("심볼: ").Append(d.Symbol).Append('\n')
            .Append("주문: ").AppendJoin(' ', new[] { d.Purpose, d.Side, d.OrderType }.Where(p => !string.IsNullOrWhiteSpace(p))).Append('\n')
            .Append("클라이언트 ID: ").Append(d.ClientOrderId).Append('\n')
            .Append("오류: ").Append(d.Error).Append('\n')
            .Append("시도: ").Append(AlertNumberFormat.Integer(d.Attempts)).Append("회 (")
            .Append(d.WillRetry ? "재시도 예정" : "재시도 중단").Append(')')
            .ToString();
    }

    public static string SystemStarted(SystemStartedAlertData d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new StringBuilder()
            .Append("🚀 시스템 시작").Append('\n')
            .Append("모드: ").Append(d.Mode).Append('\n')
            .Append("버전: ").Append(d.Version).Append('\n')
            .Append("심볼: ").Append(string.Join(", ", d.Symbols)).Append('\n')
            .Append("전략: ").Append(string.Join(", ", d.Strategies)).Append('\n')
            .Append("복구된 포지션: ").Append(AlertNumberFormat.Integer(d.RecoveredPositions))
            .ToString();
    }

    public static string SystemStopped(SystemStoppedAlertData d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new StringBuilder()
            .Append("⏹️ 시스템 정지").Append('\n')
            .Append("모드: ").Append(d.Mode).Append('\n')
            .Append("사유: ").Append(d.Reason).Append('\n')
            .Append("가동 시간: ").Append(AlertNumberFormat.Duration(d.Uptime))
            .ToString();
    }

    public static string SystemError(SystemErrorAlertData d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var text = new StringBuilder()
            .Append("🚨 시스템 오류").Append('\n')
            .Append("구성요소: ").Append(d.Component).Append('\n')
            .Append("오류: ").Append(d.Message);
        if (!string.IsNullOrWhiteSpace(d.Action))
        {
            text.Append('\n').Append("조치: ").Append(d.Action);
        }

        return text.ToString();
    }

    public static string WebSocketDisconnected(WebSocketDisconnectedAlertData d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new StringBuilder()
            .Append("🔌 WebSocket 연결 끊김").Append('\n')
            .Append("스트림: ").Append(d.Stream).Append('\n')
            .Append("사유: ").Append(d.Reason).Append('\n')
            .Append("재연결 시도: ").Append(AlertNumberFormat.Integer(d.Attempt)).Append("회째 (지수 백오프)")
            .ToString();
    }

    public static string WebSocketReconnected(WebSocketReconnectedAlertData d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new StringBuilder()
            .Append("🔗 WebSocket 재연결").Append('\n')
            .Append("스트림: ").Append(d.Stream).Append('\n')
            .Append("끊김 시간: ").Append(AlertNumberFormat.Duration(d.Downtime)).Append('\n')
            .Append("재연결 시도: ").Append(AlertNumberFormat.Integer(d.Attempts)).Append("회").Append('\n')
            .Append("누락 캔들 복구: ").Append(AlertNumberFormat.Integer(d.MissedCandlesRecovered)).Append("개")
            .ToString();
    }

    public static string ConfigChanged(ConfigChangedAlertData d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var text = new StringBuilder().Append("⚙️ 설정 변경");
        if (d.Applied.Count > 0)
        {
            text.Append('\n').Append("즉시 적용: ").AppendJoin(", ", d.Applied);
        }

        if (d.Rejected.Count > 0)
        {
            text.Append('\n').Append("거부됨 (이전 값 유지): ").AppendJoin("; ", d.Rejected);
        }

        if (d.RestartRequired.Count > 0)
        {
            text.Append('\n').Append("재시작 필요: ").AppendJoin(", ", d.RestartRequired);
        }

        return text.ToString();
    }

    private static string Side(PositionSide side) => side == PositionSide.Long ? "LONG" : "SHORT";

    private static string ClosedHeadline(CloseReason reason) => reason switch
    {
        CloseReason.StopLoss => "🛑 손절 청산",
        CloseReason.TakeProfit => "🎯 익절 청산",
        CloseReason.Manual => "⚪ 수동 청산",
        CloseReason.EmergencyStop => "🚨 긴급 청산",
        CloseReason.DailyLossLimit => "⛔ 한도 청산",
        CloseReason.Liquidation => "💥 강제 청산",
        _ => "⚪ 포지션 청산",
    };

    private static string ClosedBecause(CloseReason reason, decimal? level)
    {
        var at = level is { } price ? " " + AlertNumberFormat.Price(price) : string.Empty;
        return reason switch
        {
            CloseReason.StopLoss => "손절 (SL" + at + ")",
            CloseReason.TakeProfit => "익절 (TP" + at + ")",
            CloseReason.Manual => "수동 청산",
            CloseReason.EmergencyStop => "긴급 중지",
            CloseReason.DailyLossLimit => "일일 손실 한도",
            CloseReason.Liquidation => "강제 청산 (liquidation)",
            _ => "알 수 없음 (거래소에서 확인)",
        };
    }
}
