namespace TradingBot.Exchange.Model.Events;

/// <summary>ORDER_TRADE_UPDATE: a regular order (including an algo order's child) changed.</summary>
/// <param name="EventTime">Event time E.</param>
/// <param name="TransactionTime">Transaction time T.</param>
/// <param name="Symbol">s.</param>
/// <param name="ClientOrderId">c.</param>
/// <param name="Side">S.</param>
/// <param name="Type">o.</param>
/// <param name="OriginalType">ot.</param>
/// <param name="TimeInForce">f.</param>
/// <param name="OriginalQuantity">q.</param>
/// <param name="Price">p.</param>
/// <param name="AveragePrice">ap.</param>
/// <param name="StopPrice">sp (legacy).</param>
/// <param name="Execution">x.</param>
/// <param name="Status">X.</param>
/// <param name="OrderId">i.</param>
/// <param name="LastFilledQuantity">l.</param>
/// <param name="CumulativeFilledQuantity">z.</param>
/// <param name="LastFilledPrice">L.</param>
/// <param name="CommissionAsset">N (null when no fill).</param>
/// <param name="Commission">n, commission of this fill.</param>
/// <param name="TradeTime">T inside o.</param>
/// <param name="TradeId">t.</param>
/// <param name="IsMaker">m.</param>
/// <param name="ReduceOnly">R.</param>
/// <param name="WorkingType">wt.</param>
/// <param name="PositionSide">ps.</param>
/// <param name="ClosePosition">cp.</param>
/// <param name="RealizedProfit">rp.</param>
/// <param name="ExpiryReason">er (string or number in live data).</param>
public sealed record OrderUpdated(
    DateTimeOffset EventTime,
    DateTimeOffset TransactionTime,
    string Symbol,
    string ClientOrderId,
    OrderSide Side,
    OrderType Type,
    OrderType OriginalType,
    string TimeInForce,
    decimal OriginalQuantity,
    decimal Price,
    decimal AveragePrice,
    decimal StopPrice,
    ExecutionType Execution,
    OrderStatus Status,
    long OrderId,
    decimal LastFilledQuantity,
    decimal CumulativeFilledQuantity,
    decimal LastFilledPrice,
    string? CommissionAsset,
    decimal Commission,
    DateTimeOffset TradeTime,
    long TradeId,
    bool IsMaker,
    bool ReduceOnly,
    WorkingType WorkingType,
    PositionSide PositionSide,
    bool ClosePosition,
    decimal RealizedProfit,
    string? ExpiryReason) : StreamEvent;

/// <summary>ALGO_UPDATE: a conditional order changed. Correlate by <see cref="AlgoId"/>/<see cref="ClientAlgoId"/> and the child id <see cref="ChildOrderId"/> (ai) — never by arrival order.</summary>
/// <param name="EventTime">E.</param>
/// <param name="TransactionTime">T.</param>
/// <param name="ClientAlgoId">caid.</param>
/// <param name="AlgoId">aid.</param>
/// <param name="AlgoType">at (CONDITIONAL).</param>
/// <param name="Type">o.</param>
/// <param name="Symbol">s.</param>
/// <param name="Side">S.</param>
/// <param name="PositionSide">ps.</param>
/// <param name="Quantity">q.</param>
/// <param name="Status">X.</param>
/// <param name="ChildOrderId">ai: orderId of the child on the regular book; null until triggered.</param>
/// <param name="AveragePrice">ap.</param>
/// <param name="ExecutedQuantity">aq.</param>
/// <param name="ChildOrderType">act (raw).</param>
/// <param name="TriggerPrice">tp.</param>
/// <param name="Price">p.</param>
/// <param name="WorkingType">wt.</param>
/// <param name="ClosePosition">cp.</param>
/// <param name="PriceProtect">pP.</param>
/// <param name="ReduceOnly">R.</param>
/// <param name="TriggerTime">tt; null when 0.</param>
/// <param name="RejectReason">rm.</param>
public sealed record AlgoOrderUpdated(
    DateTimeOffset EventTime,
    DateTimeOffset TransactionTime,
    string ClientAlgoId,
    long AlgoId,
    string AlgoType,
    OrderType Type,
    string Symbol,
    OrderSide Side,
    PositionSide PositionSide,
    decimal Quantity,
    AlgoOrderStatus Status,
    long? ChildOrderId,
    decimal AveragePrice,
    decimal ExecutedQuantity,
    string? ChildOrderType,
    decimal TriggerPrice,
    decimal Price,
    WorkingType WorkingType,
    bool ClosePosition,
    bool PriceProtect,
    bool ReduceOnly,
    DateTimeOffset? TriggerTime,
    string? RejectReason) : StreamEvent;

/// <summary>A balance row of ACCOUNT_UPDATE.</summary>
/// <param name="Asset">a.</param>
/// <param name="WalletBalance">wb.</param>
/// <param name="CrossWalletBalance">cw.</param>
/// <param name="Change">bc (except PnL and commission).</param>
public sealed record BalanceChange(string Asset, decimal WalletBalance, decimal CrossWalletBalance, decimal Change);

/// <summary>A position row of ACCOUNT_UPDATE (only changed positions are included).</summary>
/// <param name="Symbol">s.</param>
/// <param name="Quantity">pa (signed).</param>
/// <param name="EntryPrice">ep.</param>
/// <param name="BreakEvenPrice">bep.</param>
/// <param name="AccumulatedRealized">cr.</param>
/// <param name="UnrealizedPnl">up.</param>
/// <param name="MarginType">mt (raw: cross/isolated).</param>
/// <param name="IsolatedWallet">iw.</param>
/// <param name="PositionSide">ps.</param>
public sealed record PositionChange(
    string Symbol,
    decimal Quantity,
    decimal EntryPrice,
    decimal BreakEvenPrice,
    decimal AccumulatedRealized,
    decimal UnrealizedPnl,
    string MarginType,
    decimal IsolatedWallet,
    PositionSide PositionSide);

/// <summary>ACCOUNT_UPDATE: balances and/or positions changed.</summary>
/// <param name="EventTime">E.</param>
/// <param name="TransactionTime">T.</param>
/// <param name="Reason">a.m (ORDER, FUNDING_FEE, ...).</param>
/// <param name="Balances">a.B.</param>
/// <param name="Positions">a.P.</param>
/// <param name="Symbol">a.S for FUNDING_FEE (2026), else null.</param>
public sealed record AccountUpdated(
    DateTimeOffset EventTime,
    DateTimeOffset TransactionTime,
    string Reason,
    IReadOnlyList<BalanceChange> Balances,
    IReadOnlyList<PositionChange> Positions,
    string? Symbol) : StreamEvent;

/// <summary>TRADE_LITE: a slim, early fill notice (optional; ORDER_TRADE_UPDATE is authoritative).</summary>
/// <param name="EventTime">E.</param>
/// <param name="TransactionTime">T.</param>
/// <param name="Symbol">s.</param>
/// <param name="ClientOrderId">c.</param>
/// <param name="OrderId">i.</param>
/// <param name="Side">S.</param>
/// <param name="LastFilledQuantity">l.</param>
/// <param name="LastFilledPrice">L.</param>
/// <param name="TradeId">t.</param>
/// <param name="IsMaker">m.</param>
public sealed record TradeLite(
    DateTimeOffset EventTime,
    DateTimeOffset TransactionTime,
    string Symbol,
    string ClientOrderId,
    long OrderId,
    OrderSide Side,
    decimal LastFilledQuantity,
    decimal LastFilledPrice,
    long TradeId,
    bool IsMaker) : StreamEvent;

/// <summary>ACCOUNT_CONFIG_UPDATE: leverage of a symbol or multi-assets mode changed.</summary>
/// <param name="EventTime">E.</param>
/// <param name="Symbol">ac.s, null for multi-assets changes.</param>
/// <param name="Leverage">ac.l.</param>
/// <param name="MultiAssetsMode">ai.j.</param>
public sealed record AccountConfigUpdated(DateTimeOffset EventTime, string? Symbol, int? Leverage, bool? MultiAssetsMode) : StreamEvent;

/// <summary>listenKeyExpired: no more user events on that key. The client recreates the key and reconnects on its own; reconcile over REST afterwards.</summary>
/// <param name="EventTime">E (string or number on the wire).</param>
/// <param name="ListenKey">The expired key.</param>
public sealed record ListenKeyExpired(DateTimeOffset EventTime, string ListenKey) : StreamEvent;
