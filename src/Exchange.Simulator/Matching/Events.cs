namespace TradingBot.Exchange.Simulator.Matching;

/// <summary>A user-data event for one account, in emission order. <see cref="EventTime"/>/<see cref="TransactionTime"/> are ms.</summary>
public abstract record UserEvent(string ApiKey, long EventTime, long TransactionTime);

/// <summary>ORDER_TRADE_UPDATE. Fill fields are zero unless <see cref="Execution"/> is Trade/Calculated.</summary>
public sealed record OrderTradeUpdate(
    string ApiKey,
    long EventTime,
    long TransactionTime,
    OrderView Order,
    ExecutionType Execution,
    decimal LastFilledQty,
    decimal LastFilledPrice,
    decimal Commission,
    long TradeId,
    bool Maker,
    decimal RealizedProfit)
    : UserEvent(ApiKey, EventTime, TransactionTime);

/// <summary>Balance + changed position of an ACCOUNT_UPDATE.</summary>
public sealed record AccountUpdate(
    string ApiKey,
    long EventTime,
    long TransactionTime,
    string Reason,
    decimal WalletBalance,
    decimal CrossWalletBalance,
    decimal BalanceChange,
    IReadOnlyList<PositionView> Positions,
    string? FundingSymbol)
    : UserEvent(ApiKey, EventTime, TransactionTime);

/// <summary>ALGO_UPDATE.</summary>
public sealed record AlgoUpdate(string ApiKey, long EventTime, long TransactionTime, AlgoOrderView Algo)
    : UserEvent(ApiKey, EventTime, TransactionTime);

/// <summary>ACCOUNT_CONFIG_UPDATE (leverage change).</summary>
public sealed record AccountConfigUpdate(string ApiKey, long EventTime, long TransactionTime, string Symbol, int Leverage)
    : UserEvent(ApiKey, EventTime, TransactionTime);
