using TradingBot.Backtest.Data;

namespace TradingBot.Backtest.Simulation;

/// <summary>What the backtest exchange tracks per symbol outside the engine: the bars around "now", the position as the user stream reported it, open protective levels and money flows of the current position.</summary>
internal sealed class SymbolBook(string symbol)
{
    public string Symbol { get; } = symbol;

    /// <summary>The last bar whose path was walked (the bar that just closed).</summary>
    public Bar? Current { get; set; }

    /// <summary>The bar after <see cref="Current"/>: its open is the next price the bot can trade at.</summary>
    public Bar? Upcoming { get; set; }

    public decimal PositionAmount { get; set; }

    public decimal EntryPrice { get; set; }

    /// <summary>Liquidation price of the open position as the engine last reported it (0 = none).</summary>
    public decimal LiquidationPrice { get; set; }

    /// <summary>Open conditional orders: client algo id → (triggers when price is above, trigger, is stop).</summary>
    public Dictionary<string, (bool Above, decimal Trigger, bool IsStop)> OpenAlgos { get; } = new(StringComparer.Ordinal);

    /// <summary>Realized PnL, commissions and funding since the current position opened (reset when it opens).</summary>
    public decimal Realized { get; set; }

    public decimal Fees { get; set; }

    public decimal Funding { get; set; }

    public bool Active => PositionAmount != 0 || OpenAlgos.Count > 0;

    public decimal LastPrice => Current?.Close ?? 0m;

    /// <summary>True when no stop, target or liquidation level lies inside [low, high]: the bar's path cannot trigger anything.</summary>
    public bool NothingTriggersWithin(decimal low, decimal high)
    {
        if (PositionAmount != 0 && LiquidationPrice > 0 && LiquidationPrice >= low && LiquidationPrice <= high)
        {
            return false;
        }

        foreach (var algo in OpenAlgos.Values)
        {
            if (algo.Trigger >= low && algo.Trigger <= high)
            {
                return false;
            }
        }

        return true;
    }
}
