using System.Globalization;
using System.Text.Json.Nodes;
using TradingBot.Exchange.Simulator.Market;
using TradingBot.Exchange.Simulator.Matching;
using static TradingBot.Exchange.Simulator.Server.Json.Wire;

namespace TradingBot.Exchange.Simulator.Server.Json;

/// <summary>User-data and market stream payloads with Binance's short field names.</summary>
public static class EventShapes
{
    public static JsonObject User(UserEvent e, Func<string, SymbolSpec> specs) => e switch
    {
        OrderTradeUpdate o => OrderTrade(o, specs(o.Order.Symbol)),
        AccountUpdate a => Account(a),
        AlgoUpdate g => AlgoEvent(g, specs(g.Algo.Symbol)),
        AccountConfigUpdate c => new JsonObject
        {
            ["e"] = "ACCOUNT_CONFIG_UPDATE",
            ["E"] = c.EventTime,
            ["T"] = c.TransactionTime,
            ["ac"] = new JsonObject { ["s"] = c.Symbol, ["l"] = c.Leverage },
        },
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Unknown user event."),
    };

    public static JsonObject OrderTrade(OrderTradeUpdate u, SymbolSpec spec)
    {
        var o = u.Order;
        return new JsonObject
        {
            ["e"] = "ORDER_TRADE_UPDATE",
            ["E"] = u.EventTime,
            ["T"] = u.TransactionTime,
            ["o"] = new JsonObject
            {
                ["s"] = o.Symbol,
                ["c"] = o.ClientOrderId,
                ["S"] = Name(o.Side),
                ["o"] = Name(o.Type),
                ["f"] = Name(o.TimeInForce),
                ["q"] = Dec(o.OrigQty, spec.QuantityPrecision),
                ["p"] = Dec(o.Price, spec.PricePrecision),
                ["ap"] = Dec(o.AvgPrice, spec.PricePrecision + 3),
                ["sp"] = Dec(o.StopPrice, spec.PricePrecision),
                ["x"] = Name(u.Execution),
                ["X"] = Name(o.Status),
                ["i"] = o.OrderId,
                ["l"] = Dec(u.LastFilledQty, spec.QuantityPrecision),
                ["z"] = Dec(o.ExecutedQty, spec.QuantityPrecision),
                ["L"] = Dec(u.LastFilledPrice, spec.PricePrecision),
                ["N"] = "USDT",
                ["n"] = Dec(u.Commission, 8),
                ["T"] = u.TransactionTime,
                ["t"] = u.TradeId,
                ["b"] = "0",
                ["a"] = "0",
                ["m"] = u.Maker,
                ["R"] = o.ReduceOnly,
                ["wt"] = Name(o.WorkingType),
                ["ot"] = o.OrigType,
                ["ps"] = "BOTH",
                ["cp"] = o.ClosePosition,
                ["pP"] = false,
                ["si"] = 0,
                ["ss"] = 0,
                ["rp"] = Dec(u.RealizedProfit, 8),
                ["V"] = "EXPIRE_MAKER",
                ["pm"] = "NONE",
                ["gtd"] = 0,
                ["er"] = "0",
            },
        };
    }

    public static JsonObject Account(AccountUpdate a)
    {
        var positions = new JsonArray();
        foreach (var p in a.Positions)
        {
            positions.Add(new JsonObject
            {
                ["s"] = p.Symbol,
                ["pa"] = Dec(p.PositionAmt),
                ["ep"] = Dec(p.EntryPrice),
                ["bep"] = Dec(p.BreakEvenPrice),
                ["cr"] = Dec(p.AccumulatedRealized),
                ["up"] = Dec(p.UnrealizedProfit),
                ["mt"] = p.MarginType == MarginType.Isolated ? "isolated" : "cross",
                ["iw"] = Dec(p.IsolatedWallet, 8),
                ["ps"] = "BOTH",
            });
        }

        var data = new JsonObject
        {
            ["m"] = a.Reason,
            ["B"] = new JsonArray(new JsonObject
            {
                ["a"] = "USDT",
                ["wb"] = Dec(a.WalletBalance, 8),
                ["cw"] = Dec(a.CrossWalletBalance, 8),
                ["bc"] = Dec(a.BalanceChange, 8),
            }),
            ["P"] = positions,
        };
        if (a.FundingSymbol is not null)
        {
            data["S"] = a.FundingSymbol;
        }

        return new JsonObject { ["e"] = "ACCOUNT_UPDATE", ["E"] = a.EventTime, ["T"] = a.TransactionTime, ["a"] = data };
    }

    public static JsonObject AlgoEvent(AlgoUpdate u, SymbolSpec spec)
    {
        var a = u.Algo;
        var marketType = a.Type is AlgoOrderType.StopMarket or AlgoOrderType.TakeProfitMarket;
        return new JsonObject
        {
            ["e"] = "ALGO_UPDATE",
            ["T"] = u.TransactionTime,
            ["E"] = u.EventTime,
            ["o"] = new JsonObject
            {
                ["caid"] = a.ClientAlgoId,
                ["aid"] = a.AlgoId,
                ["at"] = "CONDITIONAL",
                ["o"] = Name(a.Type),
                ["s"] = a.Symbol,
                ["S"] = Name(a.Side),
                ["ps"] = "BOTH",
                ["f"] = Name(a.TimeInForce),
                ["q"] = Dec(a.Quantity, spec.QuantityPrecision),
                ["X"] = Name(a.Status),
                ["ai"] = a.ActualOrderId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                ["ap"] = Dec(a.ActualPrice, spec.PricePrecision + 3),
                ["aq"] = Dec(a.ActualQty, spec.QuantityPrecision),
                ["act"] = a.ActualOrderId is null ? "0" : (marketType ? "MARKET" : "LIMIT"),
                ["tp"] = Dec(a.TriggerPrice, spec.PricePrecision),
                ["p"] = Dec(a.Price, spec.PricePrecision),
                ["V"] = "EXPIRE_MAKER",
                ["wt"] = Name(a.WorkingType),
                ["pm"] = "NONE",
                ["cp"] = a.ClosePosition,
                ["pP"] = a.PriceProtect,
                ["R"] = a.ReduceOnly,
                ["tt"] = a.TriggerTime,
                ["gtd"] = 0,
                ["rm"] = a.RejectReason ?? string.Empty,
            },
        };
    }

    public static JsonObject Kline(string symbol, string interval, Candle c, TimeSpan length, bool closed, long eventTime, SymbolSpec spec)
    {
        var closeTime = c.OpenTime + (long)length.TotalMilliseconds - 1;
        var quote = c.Volume * (c.Open + c.Close) / 2;
        return new JsonObject
        {
            ["e"] = "kline",
            ["E"] = eventTime,
            ["s"] = symbol,
            ["k"] = new JsonObject
            {
                ["t"] = c.OpenTime,
                ["T"] = closeTime,
                ["s"] = symbol,
                ["i"] = interval,
                ["f"] = 0,
                ["L"] = 0,
                ["o"] = Dec(c.Open, spec.PricePrecision),
                ["c"] = Dec(c.Close, spec.PricePrecision),
                ["h"] = Dec(c.High, spec.PricePrecision),
                ["l"] = Dec(c.Low, spec.PricePrecision),
                ["v"] = Dec(c.Volume, spec.QuantityPrecision),
                ["n"] = 0,
                ["x"] = closed,
                ["q"] = Dec(quote, 4),
                ["V"] = Dec(c.Volume / 2, spec.QuantityPrecision),
                ["Q"] = Dec(quote / 2, 4),
                ["B"] = "0",
            },
        };
    }

    /// <summary>REST klines row: [openTime, o, h, l, c, v, closeTime, quoteVolume, trades, takerBase, takerQuote, "0"].</summary>
    public static JsonArray KlineRow(Candle c, TimeSpan length, SymbolSpec spec)
    {
        var quote = c.Volume * (c.Open + c.Close) / 2;
        return new JsonArray(
            c.OpenTime,
            Dec(c.Open, spec.PricePrecision),
            Dec(c.High, spec.PricePrecision),
            Dec(c.Low, spec.PricePrecision),
            Dec(c.Close, spec.PricePrecision),
            Dec(c.Volume, spec.QuantityPrecision),
            c.OpenTime + (long)length.TotalMilliseconds - 1,
            Dec(quote, 4),
            0,
            Dec(c.Volume / 2, spec.QuantityPrecision),
            Dec(quote / 2, 4),
            "0");
    }

    public static JsonObject MarkPrice(string symbol, decimal mark, decimal rate, long nextFunding, long eventTime, SymbolSpec spec) => new()
    {
        ["e"] = "markPriceUpdate",
        ["E"] = eventTime,
        ["s"] = symbol,
        ["p"] = Dec(mark, spec.PricePrecision + 6),
        ["ap"] = Dec(mark, spec.PricePrecision + 6),
        ["P"] = Dec(mark, spec.PricePrecision + 6),
        ["i"] = Dec(mark, spec.PricePrecision + 6),
        ["r"] = Dec(rate, 8),
        ["T"] = nextFunding,
        ["st"] = 1,
    };

    public static JsonObject ListenKeyExpired(string listenKey, long eventTime) => new()
    {
        ["e"] = "listenKeyExpired",
        ["E"] = eventTime,
        ["listenKey"] = listenKey,
    };
}
