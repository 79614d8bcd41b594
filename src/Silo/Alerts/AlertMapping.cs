using TradingBot.Contracts.Events;
using TradingBot.Contracts.Market;
using TradingBot.Contracts.Trading;
using TradingBot.Operations.Alerts;
using TradingBot.Operations.Alerts.Formatting;

namespace TradingBot.Silo.Alerts;

/// <summary>Turns grain events into the PRD's Discord alerts. Ids are deterministic, so a re-delivered event alerts once.</summary>
internal static class AlertMapping
{
    public static Alert? ToAlert(IBotEvent e, DateTimeOffset now, decimal dayStartBalance) => e switch
    {
        PositionOpened o => AlertFactory.PositionOpened($"{o.PositionId}:opened", now,
            new PositionOpenedAlertData(o.Strategy, o.Symbol, Side(o.Direction), o.EntryPrice, o.Quantity, BaseAsset(o.Symbol), o.Leverage, o.StopLoss, o.TakeProfit)),
        PositionClosed c => AlertFactory.PositionClosed($"{c.PositionId}:closed", now,
            new PositionClosedAlertData(c.Strategy, c.Symbol, Side(c.Direction), c.EntryPrice, c.ExitPrice, c.Quantity, BaseAsset(c.Symbol), c.RealizedPnl,
                c.EntryPrice * c.Quantity == 0 ? 0 : Math.Round(c.RealizedPnl / (c.EntryPrice * c.Quantity) * 100m, 2), Reason(c.Reason),
                c.Reason is ExitReason.StopLoss or ExitReason.TakeProfit ? c.ExitPrice : null)),
        DailyLossLimitReached d => AlertFactory.DailyLossLimitReached($"daily-limit:{DateOnly.FromDateTime(d.At.UtcDateTime):yyyy-MM-dd}", now,
            new DailyLossLimitAlertData(d.CurrentLoss, Percent(d.CurrentLoss, dayStartBalance), d.LossLimit, Percent(d.LossLimit, dayStartBalance), d.ClosingPositions)),
        OrderFailed f => AlertFactory.OrderFailed($"{f.ClientOrderId}:failed", now,
            new OrderFailedAlertData(f.Symbol, f.Purpose.ToString(), "-", "MARKET", f.ClientOrderId, f.Reason, f.Attempts, false)),
        SystemEvent { Kind: SystemEventKind.Error or SystemEventKind.EmergencyStop } s => AlertFactory.SystemError($"system:{s.Kind}:{s.At.ToUnixTimeMilliseconds()}", now,
            new SystemErrorAlertData(s.Kind == SystemEventKind.EmergencyStop ? "emergency stop" : "silo", s.Message, s.ErrorDetails)),
        _ => null,
    };

    private static PositionSide Side(Direction direction) => direction == Direction.Bullish ? PositionSide.Long : PositionSide.Short;

    private static string BaseAsset(string symbol) => symbol.EndsWith("USDT", StringComparison.Ordinal) ? symbol[..^4] : symbol;

    private static decimal Percent(decimal amount, decimal of) => of == 0 ? 0 : Math.Round(amount / of * 100m, 2);

    private static CloseReason Reason(ExitReason reason) => Enum.TryParse<CloseReason>(reason.ToString(), out var r) ? r : CloseReason.Unknown;
}
