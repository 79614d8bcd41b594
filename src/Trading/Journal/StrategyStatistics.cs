namespace TradingBot.Trading.Journal;

/// <summary>Per-strategy results over all closed trades.</summary>
public sealed record StrategyStatistics(string Strategy, int Trades, int Wins, decimal TotalPnl, decimal AveragePnl, decimal GrossProfit, decimal GrossLoss)
{
    public decimal WinRate => Trades == 0 ? 0 : (decimal)Wins / Trades;

    /// <summary>Gross profit / gross loss; null when there is no loss yet.</summary>
    public decimal? ProfitFactor => GrossLoss == 0 ? null : GrossProfit / GrossLoss;
}
