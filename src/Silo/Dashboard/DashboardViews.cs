using TradingBot.Contracts.Grains;
using TradingBot.Contracts.Market;
using TradingBot.Dashboard.Ports.Trading;
using TradingBot.Trading.Journal;
using GrainPosition = TradingBot.Contracts.Grains.PositionView;
using PositionView = TradingBot.Dashboard.Ports.Trading.PositionView;

namespace TradingBot.Silo.Dashboard;

/// <summary>Translations from grain and journal records to the dashboard's views.</summary>
internal static class DashboardViews
{
    public static PositionSide Side(Direction direction) => direction == Direction.Bullish ? PositionSide.Long : PositionSide.Short;

    /// <summary>Before the first mark price the grain reports 0; the entry price is shown instead (PnL 0).</summary>
    public static PositionView Position(GrainPosition position, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(position);
        var hasMark = position.MarkPrice > 0;
        return new PositionView(
            position.Symbol,
            Side(position.Direction),
            Math.Abs(position.Quantity),
            position.EntryPrice,
            hasMark ? position.MarkPrice : position.EntryPrice,
            hasMark ? position.UnrealizedPnl : 0,
            position.Leverage,
            position.StopLive ? position.StopLoss : null,
            position.TakeProfitLive ? position.TakeProfit : null,
            position.Strategy,
            position.OpenedAt ?? now);
    }

    public static TradeView Trade(TradeRecord trade)
    {
        ArgumentNullException.ThrowIfNull(trade);
        return new TradeView(
            trade.PositionId,
            trade.Symbol,
            Side(trade.Direction),
            trade.Strategy,
            trade.OpenedAt,
            trade.ClosedAt,
            trade.EntryPrice,
            trade.ExitPrice,
            trade.Quantity,
            trade.RealizedPnl,
            trade.ExitReason.ToString());
    }

    /// <summary>PRD §3.3 names.</summary>
    public static string StrategyName(string strategy) => strategy switch
    {
        "A" => "Conservative",
        "B" => "Aggressive",
        "C" => "Mixed",
        _ => strategy,
    };

    /// <summary>Why entries are blocked, in the order the RiskGrain checks; null when nothing is wrong.</summary>
    public static string? StatusMessage(RiskStatus risk, int enabledStrategies)
    {
        ArgumentNullException.ThrowIfNull(risk);
        if (risk.EmergencyStopped)
        {
            return "Emergency stop active: entries blocked until Start.";
        }

        if (!risk.Reconciled)
        {
            return "Start-up reconciliation with the exchange has not completed: entries blocked.";
        }

        if (risk.DailyLimitReached)
        {
            return "Daily loss limit reached: entries blocked until the next UTC day.";
        }

        if (enabledStrategies == 0)
        {
            return "Stopped: every strategy is off.";
        }

        return risk.EntriesAllowed ? null : "New entries are switched off.";
    }
}
