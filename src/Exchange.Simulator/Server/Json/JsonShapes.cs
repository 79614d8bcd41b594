using System.Text.Json.Nodes;
using TradingBot.Exchange.Simulator.Matching;
using static TradingBot.Exchange.Simulator.Server.Json.Wire;

namespace TradingBot.Exchange.Simulator.Server.Json;

/// <summary>Builds REST replies and stream events with Binance's field names and JSON types.</summary>
public static class JsonShapes
{
    public static JsonObject Order(OrderView o, SymbolSpec spec, bool includeTime = true)
    {
        var json = new JsonObject
        {
            ["orderId"] = o.OrderId,
            ["symbol"] = o.Symbol,
            ["status"] = Name(o.Status),
            ["clientOrderId"] = o.ClientOrderId,
            ["price"] = Dec(o.Price, spec.PricePrecision),
            ["avgPrice"] = Dec(o.AvgPrice, spec.PricePrecision + 3),
            ["origQty"] = Dec(o.OrigQty, spec.QuantityPrecision),
            ["executedQty"] = Dec(o.ExecutedQty, spec.QuantityPrecision),
            ["cumQty"] = Dec(o.ExecutedQty, spec.QuantityPrecision),
            ["cumQuote"] = Dec(o.CumQuote, spec.PricePrecision + spec.QuantityPrecision),
            ["timeInForce"] = Name(o.TimeInForce),
            ["type"] = Name(o.Type),
            ["reduceOnly"] = o.ReduceOnly,
            ["closePosition"] = o.ClosePosition,
            ["side"] = Name(o.Side),
            ["positionSide"] = "BOTH",
            ["stopPrice"] = Dec(o.StopPrice, spec.PricePrecision),
            ["workingType"] = Name(o.WorkingType),
            ["priceProtect"] = false,
            ["origType"] = o.OrigType,
            ["priceMatch"] = "NONE",
            ["selfTradePreventionMode"] = "EXPIRE_MAKER",
            ["goodTillDate"] = 0,
            ["updateTime"] = o.UpdateTime,
        };
        if (includeTime)
        {
            json["time"] = o.Time;
        }

        return json;
    }

    public static JsonObject Algo(AlgoOrderView a, SymbolSpec spec, bool withActuals)
    {
        var json = new JsonObject
        {
            ["algoId"] = a.AlgoId,
            ["clientAlgoId"] = a.ClientAlgoId,
            ["algoType"] = "CONDITIONAL",
            ["orderType"] = Name(a.Type),
            ["symbol"] = a.Symbol,
            ["side"] = Name(a.Side),
            ["positionSide"] = "BOTH",
            ["timeInForce"] = Name(a.TimeInForce),
            ["quantity"] = Dec(a.Quantity, spec.QuantityPrecision),
            ["algoStatus"] = Name(a.Status),
        };
        if (withActuals)
        {
            json["actualOrderId"] = a.ActualOrderId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            json["actualPrice"] = Dec(a.ActualPrice, spec.PricePrecision + 3);
            json["actualQty"] = Dec(a.ActualQty, spec.QuantityPrecision);
            json["actualType"] = a.ActualOrderId is null ? string.Empty : (a.Type is AlgoOrderType.StopMarket or AlgoOrderType.TakeProfitMarket ? "MARKET" : "LIMIT");
        }

        json["triggerPrice"] = Dec(a.TriggerPrice, spec.PricePrecision);
        json["price"] = Dec(a.Price, spec.PricePrecision);
        json["icebergQuantity"] = null;
        if (withActuals)
        {
            json["tpTriggerPrice"] = "0.000";
            json["tpPrice"] = "0.000";
            json["slTriggerPrice"] = "0.000";
            json["slPrice"] = "0.000";
            json["tpOrderType"] = string.Empty;
        }

        json["selfTradePreventionMode"] = "EXPIRE_MAKER";
        json["workingType"] = Name(a.WorkingType);
        json["priceMatch"] = "NONE";
        json["closePosition"] = a.ClosePosition;
        json["priceProtect"] = a.PriceProtect;
        json["reduceOnly"] = a.ReduceOnly;
        if (!withActuals)
        {
            json["activatePrice"] = string.Empty;
            json["callbackRate"] = string.Empty;
        }

        json["createTime"] = a.CreateTime;
        json["updateTime"] = a.UpdateTime;
        json["triggerTime"] = a.TriggerTime;
        json["goodTillDate"] = 0;
        return json;
    }

    public static JsonObject PositionV3(PositionView p) => new()
    {
        ["symbol"] = p.Symbol,
        ["positionSide"] = "BOTH",
        ["positionAmt"] = Dec(p.PositionAmt),
        ["entryPrice"] = Dec(p.EntryPrice),
        ["breakEvenPrice"] = Dec(p.BreakEvenPrice),
        ["markPrice"] = Dec(p.MarkPrice),
        ["unRealizedProfit"] = Dec(p.UnrealizedProfit),
        ["liquidationPrice"] = Dec(p.LiquidationPrice),
        ["isolatedMargin"] = Dec(p.IsolatedWallet + (p.MarginType == MarginType.Isolated ? p.UnrealizedProfit : 0)),
        ["notional"] = Dec(p.Notional),
        ["marginAsset"] = "USDT",
        ["isolatedWallet"] = Dec(p.IsolatedWallet),
        ["initialMargin"] = Dec(p.InitialMargin + p.OpenOrderInitialMargin),
        ["maintMargin"] = Dec(p.MaintMargin),
        ["positionInitialMargin"] = Dec(p.InitialMargin),
        ["openOrderInitialMargin"] = Dec(p.OpenOrderInitialMargin),
        ["adl"] = p.PositionAmt == 0 ? 0 : 1,
        ["bidNotional"] = "0",
        ["askNotional"] = "0",
        ["updateTime"] = p.UpdateTime,
    };

    public static JsonObject AccountV3(BalanceView b, IReadOnlyList<PositionView> positions)
    {
        var margin = b.WalletBalance + b.UnrealizedPnl;
        var asset = new JsonObject
        {
            ["asset"] = "USDT",
            ["walletBalance"] = Dec(b.WalletBalance, 8),
            ["unrealizedProfit"] = Dec(b.UnrealizedPnl, 8),
            ["marginBalance"] = Dec(margin, 8),
            ["maintMargin"] = Dec(b.TotalMaintMargin, 8),
            ["initialMargin"] = Dec(b.TotalInitialMargin, 8),
            ["positionInitialMargin"] = Dec(b.TotalPositionInitialMargin, 8),
            ["openOrderInitialMargin"] = Dec(b.TotalOpenOrderInitialMargin, 8),
            ["crossWalletBalance"] = Dec(b.CrossWalletBalance, 8),
            ["crossUnPnl"] = Dec(b.CrossUnrealizedPnl, 8),
            ["availableBalance"] = Dec(b.AvailableBalance, 8),
            ["maxWithdrawAmount"] = Dec(b.AvailableBalance, 8),
            ["updateTime"] = b.UpdateTime,
        };
        var rows = new JsonArray();
        foreach (var p in positions.Where(p => p.PositionAmt != 0))
        {
            rows.Add(new JsonObject
            {
                ["symbol"] = p.Symbol,
                ["positionSide"] = "BOTH",
                ["positionAmt"] = Dec(p.PositionAmt),
                ["unrealizedProfit"] = Dec(p.UnrealizedProfit, 8),
                ["isolatedMargin"] = Dec(p.MarginType == MarginType.Isolated ? p.IsolatedWallet + p.UnrealizedProfit : 0, 8),
                ["notional"] = Dec(p.Notional),
                ["isolatedWallet"] = Dec(p.IsolatedWallet),
                ["initialMargin"] = Dec(p.InitialMargin),
                ["maintMargin"] = Dec(p.MaintMargin),
                ["updateTime"] = p.UpdateTime,
            });
        }

        return new JsonObject
        {
            ["totalInitialMargin"] = Dec(b.TotalInitialMargin, 8),
            ["totalMaintMargin"] = Dec(b.TotalMaintMargin, 8),
            ["totalWalletBalance"] = Dec(b.WalletBalance, 8),
            ["totalUnrealizedProfit"] = Dec(b.UnrealizedPnl, 8),
            ["totalMarginBalance"] = Dec(margin, 8),
            ["totalPositionInitialMargin"] = Dec(b.TotalPositionInitialMargin, 8),
            ["totalOpenOrderInitialMargin"] = Dec(b.TotalOpenOrderInitialMargin, 8),
            ["totalCrossWalletBalance"] = Dec(b.CrossWalletBalance, 8),
            ["totalCrossUnPnl"] = Dec(b.CrossUnrealizedPnl, 8),
            ["availableBalance"] = Dec(b.AvailableBalance, 8),
            ["maxWithdrawAmount"] = Dec(b.AvailableBalance, 8),
            ["assets"] = new JsonArray(asset),
            ["positions"] = rows,
        };
    }

    public static JsonArray BalanceV3(BalanceView b, string alias) => new(new JsonObject
    {
        ["accountAlias"] = alias,
        ["asset"] = "USDT",
        ["balance"] = Dec(b.WalletBalance, 8),
        ["crossWalletBalance"] = Dec(b.CrossWalletBalance, 8),
        ["crossUnPnl"] = Dec(b.CrossUnrealizedPnl, 8),
        ["availableBalance"] = Dec(b.AvailableBalance, 8),
        ["maxWithdrawAmount"] = Dec(b.AvailableBalance, 8),
        ["marginAvailable"] = true,
        ["updateTime"] = b.UpdateTime,
    });

    public static JsonObject Trade(TradeView t, SymbolSpec spec) => new()
    {
        ["buyer"] = t.Side == Side.Buy,
        ["commission"] = Dec(t.Commission, 8),
        ["commissionAsset"] = "USDT",
        ["id"] = t.Id,
        ["maker"] = t.Maker,
        ["orderId"] = t.OrderId,
        ["price"] = Dec(t.Price, spec.PricePrecision),
        ["qty"] = Dec(t.Qty, spec.QuantityPrecision),
        ["quoteQty"] = Dec(t.QuoteQty, spec.PricePrecision + spec.QuantityPrecision),
        ["realizedPnl"] = Dec(t.RealizedPnl, 8),
        ["side"] = Name(t.Side),
        ["positionSide"] = "BOTH",
        ["symbol"] = t.Symbol,
        ["time"] = t.Time,
    };

    public static JsonObject SymbolConfig(SymbolConfigView c) => new()
    {
        ["symbol"] = c.Symbol,
        ["marginType"] = Name(c.MarginType),
        ["isAutoAddMargin"] = false,
        ["leverage"] = c.Leverage,
        ["maxNotionalValue"] = Dec(c.MaxNotionalValue),
    };

    public static JsonObject CodeMsg(int code, string msg) => new() { ["code"] = code, ["msg"] = msg };

    public static JsonObject ExchangeInfo(IEnumerable<SymbolSpec> symbols, long serverTime, int weightLimit, int ordersPerMinute, int ordersPer10s)
    {
        var list = new JsonArray();
        foreach (var s in symbols)
        {
            list.Add(new JsonObject
            {
                ["symbol"] = s.Symbol,
                ["pair"] = s.Symbol,
                ["contractType"] = "PERPETUAL",
                ["deliveryDate"] = 4133404800000,
                ["onboardDate"] = 1569398400000,
                ["status"] = "TRADING",
                ["maintMarginPercent"] = "2.5000",
                ["requiredMarginPercent"] = "5.0000",
                ["baseAsset"] = s.BaseAsset,
                ["quoteAsset"] = "USDT",
                ["marginAsset"] = "USDT",
                ["pricePrecision"] = s.PricePrecision,
                ["quantityPrecision"] = s.QuantityPrecision,
                ["baseAssetPrecision"] = 8,
                ["quotePrecision"] = 8,
                ["underlyingType"] = "COIN",
                ["underlyingSubType"] = new JsonArray("PoW"),
                ["settlePlan"] = 0,
                ["triggerProtect"] = "0.0500",
                ["filters"] = new JsonArray(
                    new JsonObject { ["filterType"] = "PRICE_FILTER", ["maxPrice"] = Dec(s.MaxPrice), ["minPrice"] = Dec(s.MinPrice), ["tickSize"] = Dec(s.TickSize) },
                    new JsonObject { ["filterType"] = "LOT_SIZE", ["maxQty"] = Dec(s.MaxQty), ["minQty"] = Dec(s.MinQty), ["stepSize"] = Dec(s.StepSize) },
                    new JsonObject { ["filterType"] = "MARKET_LOT_SIZE", ["maxQty"] = Dec(s.MarketMaxQty), ["minQty"] = Dec(s.MinQty), ["stepSize"] = Dec(s.StepSize) },
                    new JsonObject { ["filterType"] = "MAX_NUM_ORDERS", ["limit"] = 200 },
                    new JsonObject { ["filterType"] = "MIN_NOTIONAL", ["notional"] = Dec(s.MinNotional) },
                    new JsonObject { ["filterType"] = "PERCENT_PRICE", ["multiplierUp"] = Dec(s.PercentPriceUp, 4), ["multiplierDown"] = Dec(s.PercentPriceDown, 4), ["multiplierDecimal"] = 4 }),
                ["orderTypes"] = new JsonArray("LIMIT", "MARKET", "STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET", "TRAILING_STOP_MARKET"),
                ["timeInForce"] = new JsonArray("GTC", "IOC", "FOK", "GTX", "GTD"),
                ["liquidationFee"] = "0.012500",
                ["marketTakeBound"] = "0.05",
            });
        }

        return new JsonObject
        {
            ["timezone"] = "UTC",
            ["serverTime"] = serverTime,
            ["futuresType"] = "U_MARGINED",
            ["rateLimits"] = new JsonArray(
                new JsonObject { ["rateLimitType"] = "REQUEST_WEIGHT", ["interval"] = "MINUTE", ["intervalNum"] = 1, ["limit"] = weightLimit },
                new JsonObject { ["rateLimitType"] = "ORDERS", ["interval"] = "MINUTE", ["intervalNum"] = 1, ["limit"] = ordersPerMinute },
                new JsonObject { ["rateLimitType"] = "ORDERS", ["interval"] = "SECOND", ["intervalNum"] = 10, ["limit"] = ordersPer10s }),
            ["exchangeFilters"] = new JsonArray(),
            ["assets"] = new JsonArray(new JsonObject { ["asset"] = "USDT", ["marginAvailable"] = true, ["autoAssetExchange"] = 0 }),
            ["symbols"] = list,
        };
    }
}
