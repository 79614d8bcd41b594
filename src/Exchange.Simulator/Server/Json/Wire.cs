using System.Globalization;
using TradingBot.Exchange.Simulator.Matching;

namespace TradingBot.Exchange.Simulator.Server.Json;

/// <summary>Binance wire names of engine enums and number formatting (decimals as invariant strings, no exponent).</summary>
public static class Wire
{
    /// <summary>Invariant decimal text without trailing zeros ("0" for zero).</summary>
    public static string Dec(decimal value)
    {
        var normalized = value / 1.000000000000000000000000000000000m;
        return normalized.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Decimal text with a fixed number of decimals (Binance pads prices to the symbol precision).</summary>
    public static string Dec(decimal value, int decimals) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Name(Side side) => side == Side.Buy ? "BUY" : "SELL";

    public static string Name(OrderType type) => type switch
    {
        OrderType.Limit => "LIMIT",
        OrderType.Market => "MARKET",
        _ => "LIQUIDATION",
    };

    public static string Name(AlgoOrderType type) => type switch
    {
        AlgoOrderType.StopMarket => "STOP_MARKET",
        AlgoOrderType.TakeProfitMarket => "TAKE_PROFIT_MARKET",
        AlgoOrderType.Stop => "STOP",
        _ => "TAKE_PROFIT",
    };

    public static string Name(TimeInForce tif) => tif switch
    {
        TimeInForce.Gtc => "GTC",
        TimeInForce.Ioc => "IOC",
        TimeInForce.Fok => "FOK",
        _ => "GTX",
    };

    public static string Name(OrderStatus status) => status switch
    {
        OrderStatus.New => "NEW",
        OrderStatus.PartiallyFilled => "PARTIALLY_FILLED",
        OrderStatus.Filled => "FILLED",
        OrderStatus.Canceled => "CANCELED",
        _ => "EXPIRED",
    };

    public static string Name(AlgoStatus status) => status switch
    {
        AlgoStatus.New => "NEW",
        AlgoStatus.Triggering => "TRIGGERING",
        AlgoStatus.Triggered => "TRIGGERED",
        AlgoStatus.Finished => "FINISHED",
        AlgoStatus.Canceled => "CANCELED",
        AlgoStatus.Expired => "EXPIRED",
        _ => "REJECTED",
    };

    public static string Name(WorkingType type) => type == WorkingType.MarkPrice ? "MARK_PRICE" : "CONTRACT_PRICE";

    public static string Name(MarginType type) => type == MarginType.Isolated ? "ISOLATED" : "CROSSED";

    public static string Name(ExecutionType type) => type switch
    {
        ExecutionType.New => "NEW",
        ExecutionType.Trade => "TRADE",
        ExecutionType.Canceled => "CANCELED",
        ExecutionType.Expired => "EXPIRED",
        _ => "CALCULATED",
    };

    public static bool TryParseSide(string text, out Side side)
    {
        side = text == "SELL" ? Side.Sell : Side.Buy;
        return text is "BUY" or "SELL";
    }

    public static bool TryParseTimeInForce(string text, out TimeInForce tif)
    {
        (var ok, tif) = text switch
        {
            "GTC" => (true, TimeInForce.Gtc),
            "IOC" => (true, TimeInForce.Ioc),
            "FOK" => (true, TimeInForce.Fok),
            "GTX" => (true, TimeInForce.Gtx),
            _ => (false, TimeInForce.Gtc),
        };
        return ok;
    }

    public static bool TryParseAlgoType(string text, out AlgoOrderType type)
    {
        (var ok, type) = text switch
        {
            "STOP_MARKET" => (true, AlgoOrderType.StopMarket),
            "TAKE_PROFIT_MARKET" => (true, AlgoOrderType.TakeProfitMarket),
            "STOP" => (true, AlgoOrderType.Stop),
            "TAKE_PROFIT" => (true, AlgoOrderType.TakeProfit),
            _ => (false, AlgoOrderType.StopMarket),
        };
        return ok;
    }
}
