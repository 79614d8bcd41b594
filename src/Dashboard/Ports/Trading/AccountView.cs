namespace TradingBot.Dashboard.Ports.Trading;

/// <summary>Account balances and PnL (PRD §5.4.2 item 3); amounts in <paramref name="Asset"/>.</summary>
/// <param name="Asset">Margin asset, normally USDT.</param>
/// <param name="TotalBalance">Wallet balance plus unrealized PnL.</param>
/// <param name="AvailableBalance">Balance available for new margin.</param>
/// <param name="DailyPnl">Realized plus unrealized PnL since the UTC day started.</param>
/// <param name="CumulativePnl">Realized PnL since the bot's first trade.</param>
/// <param name="UpdatedAt">UTC time of the underlying account snapshot.</param>
public sealed record AccountView(
    string Asset,
    decimal TotalBalance,
    decimal AvailableBalance,
    decimal DailyPnl,
    decimal CumulativePnl,
    DateTimeOffset UpdatedAt);
