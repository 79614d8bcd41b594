namespace TradingBot.Operations.Alerts.Formatting;

/// <summary>A new position was filled. Prices in the quote asset (USDT).</summary>
/// <param name="Strategy">Strategy name as shown to the user, e.g. <c>A</c>.</param>
/// <param name="Symbol">e.g. <c>BTCUSDT</c>.</param>
/// <param name="Side"><c>LONG</c> or <c>SHORT</c>.</param>
/// <param name="EntryPrice">Average fill price.</param>
/// <param name="Quantity">Position size in the base asset.</param>
/// <param name="BaseAsset">e.g. <c>BTC</c>.</param>
/// <param name="Leverage">e.g. 5.</param>
/// <param name="StopLoss">Stop-loss trigger price.</param>
/// <param name="TakeProfit">Take-profit trigger price.</param>
public sealed record PositionOpenedAlertData(
    string Strategy,
    string Symbol,
    PositionSide Side,
    decimal EntryPrice,
    decimal Quantity,
    string BaseAsset,
    int Leverage,
    decimal StopLoss,
    decimal TakeProfit);

/// <summary>A position was closed; <see cref="Reason"/> says which level (or who) closed it.</summary>
/// <param name="PnlUsdt">Realized PnL after fees, in USDT (negative for a loss).</param>
/// <param name="PnlPercent">Realized PnL in percent, on the basis the caller uses (the trade history uses the same number).</param>
/// <param name="LevelPrice">The SL/TP trigger price when <see cref="Reason"/> is a level; null otherwise.</param>
public sealed record PositionClosedAlertData(
    string Strategy,
    string Symbol,
    PositionSide Side,
    decimal EntryPrice,
    decimal ExitPrice,
    decimal Quantity,
    string BaseAsset,
    decimal PnlUsdt,
    decimal PnlPercent,
    CloseReason Reason,
    decimal? LevelPrice = null);

/// <summary>The day's realized loss reached the limit: new entries are blocked until the next UTC day.</summary>
/// <param name="LossUsdt">Current loss of the day as a positive amount.</param>
/// <param name="LossPercent">Current loss as a positive percent of the day's starting balance.</param>
/// <param name="LimitUsdt">The limit as an amount.</param>
/// <param name="LimitPercent">The limit in percent (configuration value).</param>
/// <param name="ClosePositions">True when open positions are closed too (configuration), false when they are kept.</param>
public sealed record DailyLossLimitAlertData(
    decimal LossUsdt,
    decimal LossPercent,
    decimal LimitUsdt,
    decimal LimitPercent,
    bool ClosePositions);

/// <summary>An order was rejected or could not be sent.</summary>
/// <param name="Purpose">What the order was for, e.g. <c>entry</c>, <c>stop-loss</c>, <c>take-profit</c>, <c>close</c>.</param>
/// <param name="Side"><c>BUY</c> or <c>SELL</c>; empty when unknown (left out of the text).</param>
/// <param name="OrderType">e.g. <c>MARKET</c>, <c>STOP_MARKET</c>; empty when unknown (left out of the text).</param>
/// <param name="ClientOrderId">Our deterministic client order id (helps find it in logs and on the exchange).</param>
/// <param name="Error">Exchange error code and message, e.g. <c>-2019 Margin is insufficient.</c></param>
/// <param name="Attempts">How many times it was tried.</param>
/// <param name="WillRetry">True when the order executor retries it; false when it gave up.</param>
public sealed record OrderFailedAlertData(
    string Symbol,
    string Purpose,
    string Side,
    string OrderType,
    string ClientOrderId,
    string Error,
    int Attempts,
    bool WillRetry);

/// <summary>The silo started.</summary>
/// <param name="Mode">paper, testnet or mainnet.</param>
/// <param name="RecoveredPositions">Open positions found on the exchange at start (their SL/TP are re-checked).</param>
public sealed record SystemStartedAlertData(
    string Mode,
    string Version,
    IReadOnlyList<string> Symbols,
    IReadOnlyList<string> Strategies,
    int RecoveredPositions);

/// <summary>The silo is stopping.</summary>
/// <param name="Reason">e.g. <c>systemctl stop</c>, <c>emergency stop</c>.</param>
public sealed record SystemStoppedAlertData(string Mode, string Reason, TimeSpan Uptime);

/// <summary>An unexpected error in a component.</summary>
/// <param name="Component">Where, e.g. <c>OrderGrain/account</c>.</param>
/// <param name="Message">What; scrubbed of secrets before it is stored.</param>
/// <param name="Action">What the bot did about it, e.g. <c>new entries blocked</c>; null when nothing.</param>
public sealed record SystemErrorAlertData(string Component, string Message, string? Action = null);

/// <summary>A WebSocket stream dropped; the client reconnects with exponential backoff.</summary>
/// <param name="Stream">e.g. <c>market</c>, <c>user-data</c>.</param>
/// <param name="Attempt">Reconnect attempt number (1 for the first).</param>
public sealed record WebSocketDisconnectedAlertData(string Stream, string Reason, int Attempt);

/// <summary>A WebSocket stream is back.</summary>
/// <param name="Downtime">How long it was down.</param>
/// <param name="Attempts">Reconnect attempts it took.</param>
/// <param name="MissedCandlesRecovered">Candles back-filled over REST after the gap.</param>
public sealed record WebSocketReconnectedAlertData(string Stream, TimeSpan Downtime, int Attempts, int MissedCandlesRecovered);

/// <summary>appsettings changed while running.</summary>
/// <param name="Applied">Operational keys now in force (e.g. <c>Trading:Risk:Leverage = 7</c>).</param>
/// <param name="RestartRequired">Core keys that changed in the file but only take effect after a restart.</param>
/// <param name="Rejected">Why the new operational values were refused (key and allowed range); the old values stay.</param>
public sealed record ConfigChangedAlertData(IReadOnlyList<string> Applied, IReadOnlyList<string> RestartRequired, IReadOnlyList<string> Rejected);
