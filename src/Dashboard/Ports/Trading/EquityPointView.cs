namespace TradingBot.Dashboard.Ports.Trading;

/// <summary>One point of an equity curve.</summary>
/// <param name="Time">UTC time of the sample.</param>
/// <param name="Equity">Account equity (USDT).</param>
/// <param name="CumulativePnl">Realized PnL up to <paramref name="Time"/> (USDT).</param>
public sealed record EquityPointView(DateTimeOffset Time, decimal Equity, decimal CumulativePnl);
