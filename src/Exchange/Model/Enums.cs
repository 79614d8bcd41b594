namespace TradingBot.Exchange.Model;

/// <summary>Order side.</summary>
public enum OrderSide
{
    Buy,
    Sell,
}

/// <summary>Position side: <see cref="Both"/> in one-way mode, Long/Short in hedge mode.</summary>
public enum PositionSide
{
    Both,
    Long,
    Short,
}

/// <summary>Order type of a regular or conditional order (Binance names).</summary>
public enum OrderType
{
    Unknown,
    Limit,
    Market,
    Stop,
    StopMarket,
    TakeProfit,
    TakeProfitMarket,
    TrailingStopMarket,
    Liquidation,
}

/// <summary>Conditional order types the bot places through the algo order API.</summary>
public enum ConditionalOrderType
{
    StopMarket,
    TakeProfitMarket,
}

/// <summary>Status of a regular order.</summary>
public enum OrderStatus
{
    Unknown,
    New,
    PartiallyFilled,
    Filled,
    Canceled,
    Expired,
    ExpiredInMatch,
}

/// <summary>Execution type carried by an order update (what just happened to the order).</summary>
public enum ExecutionType
{
    Unknown,
    New,
    Trade,
    Canceled,
    Expired,
    Calculated,
    Amendment,
}

/// <summary>Lifecycle of a conditional (algo) order.</summary>
public enum AlgoOrderStatus
{
    Unknown,
    New,
    Triggering,
    Triggered,
    Finished,
    Canceled,
    Expired,
    Rejected,
}

/// <summary>Reference price a conditional order triggers on.</summary>
public enum WorkingType
{
    ContractPrice,
    MarkPrice,
}

/// <summary>Margin type of a symbol.</summary>
public enum MarginType
{
    Crossed,
    Isolated,
}

/// <summary>Result of an idempotent configuration call.</summary>
public enum ConfigChangeOutcome
{
    /// <summary>The exchange changed the setting.</summary>
    Changed,

    /// <summary>The setting already had the requested value (benign error such as -4046/-4059).</summary>
    AlreadySet,
}
