namespace TradingBot.Exchange.Simulator.Matching;

/// <summary>Snapshot of a regular order.</summary>
public sealed record OrderView(
    long OrderId,
    string Symbol,
    string ClientOrderId,
    Side Side,
    OrderType Type,
    TimeInForce TimeInForce,
    decimal Price,
    decimal OrigQty,
    decimal ExecutedQty,
    decimal CumQuote,
    decimal AvgPrice,
    OrderStatus Status,
    bool ReduceOnly,
    bool ClosePosition,
    decimal StopPrice,
    WorkingType WorkingType,
    string OrigType,
    long Time,
    long UpdateTime);

/// <summary>Snapshot of a conditional (algo) order.</summary>
public sealed record AlgoOrderView(
    long AlgoId,
    string ClientAlgoId,
    string Symbol,
    Side Side,
    AlgoOrderType Type,
    TimeInForce TimeInForce,
    decimal Quantity,
    decimal TriggerPrice,
    decimal Price,
    WorkingType WorkingType,
    bool ClosePosition,
    bool ReduceOnly,
    bool PriceProtect,
    AlgoStatus Status,
    long? ActualOrderId,
    decimal ActualPrice,
    decimal ActualQty,
    string? RejectReason,
    long CreateTime,
    long UpdateTime,
    long TriggerTime);

/// <summary>Snapshot of a one-way position.</summary>
public sealed record PositionView(
    string Symbol,
    decimal PositionAmt,
    decimal EntryPrice,
    decimal BreakEvenPrice,
    decimal MarkPrice,
    decimal UnrealizedProfit,
    decimal LiquidationPrice,
    decimal IsolatedWallet,
    decimal InitialMargin,
    decimal MaintMargin,
    decimal OpenOrderInitialMargin,
    decimal AccumulatedRealized,
    MarginType MarginType,
    int Leverage,
    long UpdateTime)
{
    /// <summary>Signed notional at mark.</summary>
    public decimal Notional => PositionAmt * MarkPrice;
}

/// <summary>One fill (GET /fapi/v1/userTrades row).</summary>
public sealed record TradeView(
    long Id,
    long OrderId,
    string Symbol,
    Side Side,
    decimal Price,
    decimal Qty,
    decimal QuoteQty,
    decimal Commission,
    decimal RealizedPnl,
    bool Maker,
    long Time);

/// <summary>USDT balance snapshot of an account.</summary>
public sealed record BalanceView(
    decimal WalletBalance,
    decimal CrossWalletBalance,
    decimal CrossUnrealizedPnl,
    decimal UnrealizedPnl,
    decimal AvailableBalance,
    decimal TotalInitialMargin,
    decimal TotalMaintMargin,
    decimal TotalPositionInitialMargin,
    decimal TotalOpenOrderInitialMargin,
    long UpdateTime);

/// <summary>Per-symbol account configuration (GET /fapi/v1/symbolConfig row).</summary>
public sealed record SymbolConfigView(string Symbol, MarginType MarginType, int Leverage, decimal MaxNotionalValue);
