using TradingBot.Operations.Alerts;
using TradingBot.Operations.Alerts.Formatting;

namespace TradingBot.Operations.Tests.Alerts;

public sealed class AlertTextTests
{
    private static readonly DateTimeOffset s_at = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Config_changed_lists_applied_rejected_and_restart_keys_and_warns_when_not_everything_applied()
    {
        var applied = AlertFactory.ConfigChanged("config:1", s_at, new ConfigChangedAlertData(["Trading:Risk:Leverage = 7"], [], []));
        var mixed = AlertFactory.ConfigChanged("config:2", s_at, new ConfigChangedAlertData(
            [], ["Trading:Symbols:1 (ETHUSDT → unset)"], ["Trading:Risk:Leverage = 50 is outside the allowed range 1–20."]));

        applied.Text.Should().Be("⚙️ 설정 변경\n즉시 적용: Trading:Risk:Leverage = 7");
        applied.Severity.Should().Be(AlertSeverity.Info);
        applied.Id.Should().Be("ConfigChanged:config:1");
        mixed.Text.Should().Be(
            "⚙️ 설정 변경\n" +
            "거부됨 (이전 값 유지): Trading:Risk:Leverage = 50 is outside the allowed range 1–20.\n" +
            "재시작 필요: Trading:Symbols:1 (ETHUSDT → unset)");
        mixed.Severity.Should().Be(AlertSeverity.Warning);
    }

    [Fact]
    public void Position_opened_matches_the_PRD_example_exactly()
    {
        var data = new PositionOpenedAlertData("A", "BTCUSDT", PositionSide.Long, 65_432.10m, 0.15m, "BTC", 5, 64_800m, 66_500m);

        AlertText.PositionOpened(data).Should().Be(
            "🟢 포지션 진입 (전략 A)\n" +
            "심볼: BTCUSDT\n" +
            "방향: LONG\n" +
            "진입가: $65,432.10\n" +
            "수량: 0.15 BTC\n" +
            "레버리지: 5x\n" +
            "손절: $64,800 / 익절: $66,500");
    }

    [Fact]
    public void Short_entry_uses_red_and_keeps_small_price_precision()
    {
        var data = new PositionOpenedAlertData("B", "DOGEUSDT", PositionSide.Short, 0.1234567m, 12_500m, "DOGE", 3, 0.127m, 0.11m);

        AlertText.PositionOpened(data).Should().Be(
            "🔴 포지션 진입 (전략 B)\n" +
            "심볼: DOGEUSDT\n" +
            "방향: SHORT\n" +
            "진입가: $0.1234567\n" +
            "수량: 12,500 DOGE\n" +
            "레버리지: 3x\n" +
            "손절: $0.127 / 익절: $0.11");
    }

    [Fact]
    public void Take_profit_close_shows_exit_pnl_and_level()
    {
        var data = new PositionClosedAlertData("A", "BTCUSDT", PositionSide.Long, 65_432.10m, 66_500m, 0.15m, "BTC", 160.19m, 1.63m, CloseReason.TakeProfit, 66_500m);

        var alert = AlertFactory.PositionClosed("pos-1", s_at, data);

        alert.Kind.Should().Be(AlertKind.TakeProfitHit);
        alert.Id.Should().Be("TakeProfitHit:pos-1");
        alert.Text.Should().Be(
            "🎯 익절 청산 (전략 A)\n" +
            "심볼: BTCUSDT\n" +
            "방향: LONG\n" +
            "진입가: $65,432.10\n" +
            "청산가: $66,500\n" +
            "수량: 0.15 BTC\n" +
            "손익: +160.19 USDT (+1.63%)\n" +
            "청산 사유: 익절 (TP $66,500)");
    }

    [Fact]
    public void Stop_loss_close_shows_a_signed_loss()
    {
        var data = new PositionClosedAlertData("C", "ETHUSDT", PositionSide.Short, 3_120.5m, 3_151.75m, 2m, "ETH", -62.5m, -1m, CloseReason.StopLoss, 3_150m);

        var alert = AlertFactory.PositionClosed("pos-2", s_at, data);

        alert.Kind.Should().Be(AlertKind.StopLossHit);
        alert.Text.Should().Be(
            "🛑 손절 청산 (전략 C)\n" +
            "심볼: ETHUSDT\n" +
            "방향: SHORT\n" +
            "진입가: $3,120.50\n" +
            "청산가: $3,151.75\n" +
            "수량: 2 ETH\n" +
            "손익: -62.50 USDT (-1%)\n" +
            "청산 사유: 손절 (SL $3,150)");
    }

    [Theory]
    [InlineData(CloseReason.Manual, "⚪ 수동 청산", "수동 청산", AlertKind.PositionClosed)]
    [InlineData(CloseReason.EmergencyStop, "🚨 긴급 청산", "긴급 중지", AlertKind.PositionClosed)]
    [InlineData(CloseReason.DailyLossLimit, "⛔ 한도 청산", "일일 손실 한도", AlertKind.PositionClosed)]
    [InlineData(CloseReason.Liquidation, "💥 강제 청산", "강제 청산 (liquidation)", AlertKind.PositionClosed)]
    [InlineData(CloseReason.Unknown, "⚪ 포지션 청산", "알 수 없음 (거래소에서 확인)", AlertKind.PositionClosed)]
    public void Other_closes_name_who_closed(CloseReason reason, string headline, string because, AlertKind kind)
    {
        var data = new PositionClosedAlertData("A", "BTCUSDT", PositionSide.Long, 100m, 99m, 1m, "BTC", -1m, -0.2m, reason);

        var alert = AlertFactory.PositionClosed("pos-3", s_at, data);

        alert.Kind.Should().Be(kind);
        alert.Text.Should().Be(
            headline + " (전략 A)\n" +
            "심볼: BTCUSDT\n" +
            "방향: LONG\n" +
            "진입가: $100\n" +
            "청산가: $99\n" +
            "수량: 1 BTC\n" +
            "손익: -1.00 USDT (-0.2%)\n" +
            "청산 사유: " + because);
    }

    [Fact]
    public void Daily_loss_limit_states_loss_limit_and_blocked_entries()
    {
        var alert = AlertFactory.DailyLossLimitReached("2026-11-21", s_at, new DailyLossLimitAlertData(612.5m, 6.125m, 600m, 6m, ClosePositions: false));

        alert.Severity.Should().Be(AlertSeverity.Critical);
        alert.Text.Should().Be(
            "⛔ 일일 손실 한도 도달\n" +
            "현재 손실: 612.50 USDT (6.13%)\n" +
            "한도: 600.00 USDT (6%)\n" +
            "신규 진입 차단: 다음 UTC 자정까지\n" +
            "기존 포지션: 유지");
        AlertText.DailyLossLimitReached(new DailyLossLimitAlertData(1_250m, 7m, 1_200m, 6m, ClosePositions: true))
            .Should().EndWith("한도: 1,200.00 USDT (6%)\n신규 진입 차단: 다음 UTC 자정까지\n기존 포지션: 청산");
    }

    [Fact]
    public void Order_failure_names_order_error_and_retry_state()
    {
        var data = new OrderFailedAlertData("BTCUSDT", "entry", "BUY", "MARKET", "tb-A-42-e", "-2019 Margin is insufficient.", 3, WillRetry: false);

        var alert = AlertFactory.OrderFailed("tb-A-42-e", s_at, data);

        alert.Severity.Should().Be(AlertSeverity.Critical);
        alert.Text.Should().Be(
            "⚠️ 주문 실패\n" +
            "심볼: BTCUSDT\n" +
            "주문: entry BUY MARKET\n" +
            "클라이언트 ID: tb-A-42-e\n" +
            "오류: -2019 Margin is insufficient.\n" +
            "시도: 3회 (재시도 중단)");
        AlertFactory.OrderFailed("x", s_at, data with { WillRetry = true, Attempts = 1 }).Text.Should().EndWith("시도: 1회 (재시도 예정)");
        AlertText.OrderFailed(data with { Side = "", OrderType = " " }).Should().Contain("\n주문: entry\n");
    }

    [Fact]
    public void System_start_stop_and_error()
    {
        AlertText.SystemStarted(new SystemStartedAlertData("testnet", "0.1.0", ["BTCUSDT", "ETHUSDT"], ["A", "B", "C"], 1)).Should().Be(
            "🚀 시스템 시작\n" +
            "모드: testnet\n" +
            "버전: 0.1.0\n" +
            "심볼: BTCUSDT, ETHUSDT\n" +
            "전략: A, B, C\n" +
            "복구된 포지션: 1");
        AlertText.SystemStopped(new SystemStoppedAlertData("mainnet", "systemctl stop", new TimeSpan(3, 4, 12, 5))).Should().Be(
            "⏹️ 시스템 정지\n" +
            "모드: mainnet\n" +
            "사유: systemctl stop\n" +
            "가동 시간: 3일 4시간");
        AlertText.SystemError(new SystemErrorAlertData("OrderGrain/account", "stop-loss order rejected twice", "new entries blocked")).Should().Be(
            "🚨 시스템 오류\n" +
            "구성요소: OrderGrain/account\n" +
            "오류: stop-loss order rejected twice\n" +
            "조치: new entries blocked");
        AlertText.SystemError(new SystemErrorAlertData("SymbolGrain/BTCUSDT", "gap in candles")).Should().Be(
            "🚨 시스템 오류\n" +
            "구성요소: SymbolGrain/BTCUSDT\n" +
            "오류: gap in candles");
    }

    [Fact]
    public void WebSocket_disconnect_and_reconnect()
    {
        AlertText.WebSocketDisconnected(new WebSocketDisconnectedAlertData("market", "no pong for 10 s", 1)).Should().Be(
            "🔌 WebSocket 연결 끊김\n" +
            "스트림: market\n" +
            "사유: no pong for 10 s\n" +
            "재연결 시도: 1회째 (지수 백오프)");
        AlertText.WebSocketReconnected(new WebSocketReconnectedAlertData("user-data", TimeSpan.FromSeconds(185), 4, 3)).Should().Be(
            "🔗 WebSocket 재연결\n" +
            "스트림: user-data\n" +
            "끊김 시간: 3분 5초\n" +
            "재연결 시도: 4회\n" +
            "누락 캔들 복구: 3개");
    }

    [Fact]
    public void Ids_are_deterministic_per_event_and_kind()
    {
        var data = new WebSocketDisconnectedAlertData("market", "closed", 2);

        AlertFactory.WebSocketDisconnected("market-7", s_at, data).Should().Be(AlertFactory.WebSocketDisconnected("market-7", s_at, data));
        AlertFactory.WebSocketDisconnected("market-7", s_at, data).Id.Should().Be("WebSocketDisconnected:market-7");
        var blank = () => AlertFactory.WebSocketDisconnected(" ", s_at, data);
        blank.Should().Throw<ArgumentException>();
    }
}
