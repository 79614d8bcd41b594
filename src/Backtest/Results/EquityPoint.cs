namespace TradingBot.Backtest.Results;

/// <summary>Account equity (wallet + unrealized PnL of open positions) at a time.</summary>
public readonly record struct EquityPoint(DateTimeOffset At, decimal Equity, decimal Drawdown);
