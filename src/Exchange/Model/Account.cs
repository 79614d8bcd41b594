namespace TradingBot.Exchange.Model;

/// <summary>One futures wallet asset (GET /fapi/v3/balance row or account v3 asset).</summary>
/// <param name="Asset">Asset, e.g. USDT.</param>
/// <param name="WalletBalance">Wallet balance.</param>
/// <param name="CrossWalletBalance">Cross wallet balance.</param>
/// <param name="CrossUnrealizedPnl">Unrealized PnL of cross positions.</param>
/// <param name="AvailableBalance">Available balance.</param>
/// <param name="MaxWithdrawAmount">Maximum withdrawable amount.</param>
/// <param name="UpdateTime">Last update (UTC).</param>
public sealed record AssetBalance(
    string Asset,
    decimal WalletBalance,
    decimal CrossWalletBalance,
    decimal CrossUnrealizedPnl,
    decimal AvailableBalance,
    decimal MaxWithdrawAmount,
    DateTimeOffset UpdateTime);

/// <summary>A position as listed by GET /fapi/v3/account (only non-zero positions).</summary>
/// <param name="Symbol">Symbol.</param>
/// <param name="Side">Position side.</param>
/// <param name="Quantity">Signed position amount (one-way mode: negative = short).</param>
/// <param name="UnrealizedPnl">Unrealized profit.</param>
/// <param name="Notional">Notional.</param>
/// <param name="InitialMargin">Initial margin.</param>
/// <param name="MaintenanceMargin">Maintenance margin.</param>
/// <param name="UpdateTime">Last update (UTC).</param>
public sealed record AccountPosition(
    string Symbol,
    PositionSide Side,
    decimal Quantity,
    decimal UnrealizedPnl,
    decimal Notional,
    decimal InitialMargin,
    decimal MaintenanceMargin,
    DateTimeOffset UpdateTime);

/// <summary>Account totals (GET /fapi/v3/account).</summary>
/// <param name="TotalWalletBalance">Total wallet balance.</param>
/// <param name="TotalUnrealizedPnl">Total unrealized profit.</param>
/// <param name="TotalMarginBalance">Total margin balance.</param>
/// <param name="TotalInitialMargin">Total initial margin.</param>
/// <param name="TotalMaintenanceMargin">Total maintenance margin.</param>
/// <param name="AvailableBalance">Available balance.</param>
/// <param name="MaxWithdrawAmount">Maximum withdrawable amount.</param>
/// <param name="Assets">Per-asset balances.</param>
/// <param name="Positions">Open positions.</param>
public sealed record AccountSnapshot(
    decimal TotalWalletBalance,
    decimal TotalUnrealizedPnl,
    decimal TotalMarginBalance,
    decimal TotalInitialMargin,
    decimal TotalMaintenanceMargin,
    decimal AvailableBalance,
    decimal MaxWithdrawAmount,
    IReadOnlyList<AssetBalance> Assets,
    IReadOnlyList<AccountPosition> Positions);

/// <summary>A position (GET /fapi/v3/positionRisk row).</summary>
/// <param name="Symbol">Symbol.</param>
/// <param name="Side">Position side (Both in one-way mode).</param>
/// <param name="Quantity">Signed amount (negative = short in one-way mode).</param>
/// <param name="EntryPrice">Average entry price.</param>
/// <param name="BreakEvenPrice">Break-even price.</param>
/// <param name="MarkPrice">Mark price.</param>
/// <param name="UnrealizedPnl">Unrealized profit.</param>
/// <param name="LiquidationPrice">Liquidation price (0 = none).</param>
/// <param name="Notional">Notional at mark.</param>
/// <param name="IsolatedMargin">Isolated margin (0 for cross).</param>
/// <param name="InitialMargin">Initial margin.</param>
/// <param name="MaintenanceMargin">Maintenance margin.</param>
/// <param name="UpdateTime">Last update (UTC).</param>
public sealed record Position(
    string Symbol,
    PositionSide Side,
    decimal Quantity,
    decimal EntryPrice,
    decimal BreakEvenPrice,
    decimal MarkPrice,
    decimal UnrealizedPnl,
    decimal LiquidationPrice,
    decimal Notional,
    decimal IsolatedMargin,
    decimal InitialMargin,
    decimal MaintenanceMargin,
    DateTimeOffset UpdateTime);

/// <summary>The account's fee rates for a symbol (fractions, e.g. 0.0005 = 0.05 %).</summary>
/// <param name="Symbol">Symbol.</param>
/// <param name="Maker">Maker rate.</param>
/// <param name="Taker">Taker rate.</param>
public sealed record CommissionRate(string Symbol, decimal Maker, decimal Taker);

/// <summary>Reply to a leverage change.</summary>
/// <param name="Symbol">Symbol.</param>
/// <param name="Leverage">Leverage now in force.</param>
/// <param name="MaxNotionalValue">Maximum notional at that leverage.</param>
public sealed record LeverageSetting(string Symbol, int Leverage, decimal MaxNotionalValue);
