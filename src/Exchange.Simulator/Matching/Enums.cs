namespace TradingBot.Exchange.Simulator.Matching;

/// <summary>Order side.</summary>
public enum Side { Buy, Sell }

/// <summary>Regular (order-book) order types the engine executes.</summary>
public enum OrderType { Limit, Market, Liquidation }

/// <summary>Conditional order types held in the algo book.</summary>
public enum AlgoOrderType { StopMarket, TakeProfitMarket, Stop, TakeProfit }

/// <summary>Time in force of a LIMIT order.</summary>
public enum TimeInForce { Gtc, Ioc, Fok, Gtx }

/// <summary>Regular order status.</summary>
public enum OrderStatus { New, PartiallyFilled, Filled, Canceled, Expired }

/// <summary>Conditional order status.</summary>
public enum AlgoStatus { New, Triggering, Triggered, Finished, Canceled, Expired, Rejected }

/// <summary>Which price a conditional order watches.</summary>
public enum WorkingType { ContractPrice, MarkPrice }

/// <summary>Per-symbol margin mode.</summary>
public enum MarginType { Crossed, Isolated }

/// <summary>Execution type of an ORDER_TRADE_UPDATE.</summary>
public enum ExecutionType { New, Trade, Canceled, Expired, Calculated }

/// <summary>Order in which the intrabar path visits a candle's extremes.</summary>
public enum IntrabarPathMode
{
    /// <summary>Green candle: open→low→high→close; red candle: open→high→low→close (the usual pessimistic guess).</summary>
    ByCandleColour,
    /// <summary>Always open→low→high→close.</summary>
    LowFirst,
    /// <summary>Always open→high→low→close.</summary>
    HighFirst,
}

/// <summary>Sign helpers for <see cref="Side"/>.</summary>
public static class SideExtensions
{
    /// <summary>+1 for BUY, −1 for SELL.</summary>
    public static int Sign(this Side side) => side == Side.Buy ? 1 : -1;

    /// <summary>The opposite side.</summary>
    public static Side Opposite(this Side side) => side == Side.Buy ? Side.Sell : Side.Buy;
}
