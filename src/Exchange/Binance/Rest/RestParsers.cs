using System.Text.Json;
using TradingBot.Exchange.Binance.Json;
using TradingBot.Exchange.Model;

namespace TradingBot.Exchange.Binance.Rest;

/// <summary>REST reply → model. Lenient about number encodings and unknown fields.</summary>
internal static class RestParsers
{
    public static IReadOnlyList<InstrumentRules> ExchangeInfo(JsonElement root)
    {
        var list = new List<InstrumentRules>();
        if (!root.TryProp("symbols", out var symbols))
        {
            throw new JsonParseException("exchangeInfo has no 'symbols'.");
        }

        foreach (var s in symbols.EnumerateArray())
        {
            list.Add(Instrument(s));
        }

        return list;
    }

    public static InstrumentRules Instrument(JsonElement s)
    {
        var price = new PriceFilter(0, 0, 0);
        var lot = new LotSizeFilter(0, 0, 0);
        LotSizeFilter? marketLot = null;
        PercentPriceFilter? percent = null;
        decimal minNotional = 0;
        int? maxOrders = null;
        if (s.TryProp("filters", out var filters) && filters.ValueKind == JsonValueKind.Array)
        {
            foreach (var f in filters.EnumerateArray())
            {
                switch (f.Str("filterType"))
                {
                    case "PRICE_FILTER":
                        price = new PriceFilter(f.Dec("minPrice"), f.Dec("maxPrice"), f.Dec("tickSize"));
                        break;
                    case "LOT_SIZE":
                        lot = new LotSizeFilter(f.Dec("minQty"), f.Dec("maxQty"), f.Dec("stepSize"));
                        break;
                    case "MARKET_LOT_SIZE":
                        marketLot = new LotSizeFilter(f.Dec("minQty"), f.Dec("maxQty"), f.Dec("stepSize"));
                        break;
                    case "MIN_NOTIONAL":
                        minNotional = f.DecOrNull("notional") ?? f.Dec("minNotional");
                        break;
                    case "PERCENT_PRICE":
                        percent = new PercentPriceFilter(f.Dec("multiplierUp"), f.Dec("multiplierDown"), f.Int("multiplierDecimal"));
                        break;
                    case "MAX_NUM_ORDERS":
                        maxOrders = f.Int("limit");
                        break;
                    default:
                        break;
                }
            }
        }

        return new InstrumentRules(
            s.RequiredStr("symbol"),
            s.Str("status"),
            s.Str("contractType"),
            s.Str("baseAsset"),
            s.Str("quoteAsset"),
            s.Str("marginAsset"),
            s.Int("pricePrecision"),
            s.Int("quantityPrecision"),
            price,
            lot,
            marketLot,
            minNotional,
            percent,
            maxOrders,
            s.Dec("triggerProtect"));
    }

    /// <summary>One kline row: [openTime, o, h, l, c, v, closeTime, quoteVolume, trades, takerBase, takerQuote, ignore].</summary>
    public static Kline KlineRow(JsonElement row, string symbol, KlineInterval interval, DateTimeOffset serverNow)
    {
        if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() < 11)
        {
            throw new JsonParseException("Kline row is not an array of at least 11 items.");
        }

        decimal D(int i) => LenientJson.ToDecimal(row[i], $"kline[{i}]") ?? 0m;
        long L(int i) => LenientJson.ToLong(row[i], $"kline[{i}]") ?? 0L;
        var close = LenientJson.FromMs(L(6));
        return new Kline(
            symbol,
            interval,
            LenientJson.FromMs(L(0)),
            close,
            D(1),
            D(2),
            D(3),
            D(4),
            D(5),
            D(7),
            L(8),
            D(9),
            D(10),
            close < serverNow);
    }

    public static MarkPrice MarkPrice(JsonElement o) => new(
        o.RequiredStr("symbol"),
        o.Dec("markPrice"),
        o.Dec("indexPrice"),
        o.Dec("estimatedSettlePrice"),
        o.Dec("lastFundingRate"),
        o.Time("nextFundingTime"),
        o.Time("time"));

    public static OrderSnapshot Order(JsonElement o) => new(
        o.Long("orderId"),
        o.Str("clientOrderId"),
        o.RequiredStr("symbol"),
        BinanceEnums.ParseSide(o.StrOrNull("side")),
        BinanceEnums.ParsePositionSide(o.StrOrNull("positionSide")),
        BinanceEnums.ParseOrderType(o.StrOrNull("type")),
        BinanceEnums.ParseOrderStatus(o.StrOrNull("status")),
        o.Dec("price"),
        o.DecOrNull("avgPrice"),
        o.Dec("origQty"),
        o.Dec("executedQty"),
        o.Bool("reduceOnly"),
        o.Bool("closePosition"),
        o.Time("updateTime"));

    public static AlgoOrderSnapshot AlgoOrder(JsonElement o) => new(
        o.Long("algoId"),
        o.Str("clientAlgoId"),
        o.RequiredStr("symbol"),
        BinanceEnums.ParseSide(o.StrOrNull("side")),
        BinanceEnums.ParsePositionSide(o.StrOrNull("positionSide")),
        BinanceEnums.ParseOrderType(o.StrOrNull("orderType") ?? o.StrOrNull("type")),
        BinanceEnums.ParseAlgoStatus(o.StrOrNull("algoStatus")),
        o.Dec("quantity"),
        o.Dec("triggerPrice"),
        BinanceEnums.ParseWorkingType(o.StrOrNull("workingType")),
        o.Bool("closePosition"),
        o.Bool("reduceOnly"),
        o.Bool("priceProtect"),
        o.LongOrNull("actualOrderId"),
        o.DecOrNull("actualPrice"),
        o.DecOrNull("actualQty"),
        o.Time("createTime"),
        o.Time("updateTime"),
        o.TimeOrNull("triggerTime"));

    public static Position Position(JsonElement o) => new(
        o.RequiredStr("symbol"),
        BinanceEnums.ParsePositionSide(o.StrOrNull("positionSide")),
        o.Dec("positionAmt"),
        o.Dec("entryPrice"),
        o.Dec("breakEvenPrice"),
        o.Dec("markPrice"),
        o.Dec("unRealizedProfit"),
        o.Dec("liquidationPrice"),
        o.Dec("notional"),
        o.Dec("isolatedMargin"),
        o.Dec("initialMargin"),
        o.Dec("maintMargin"),
        o.Time("updateTime"));

    public static AssetBalance Balance(JsonElement o) => new(
        o.RequiredStr("asset"),
        o.DecOrNull("balance") ?? o.Dec("walletBalance"),
        o.Dec("crossWalletBalance"),
        o.DecOrNull("crossUnPnl") ?? o.Dec("unrealizedProfit"),
        o.Dec("availableBalance"),
        o.Dec("maxWithdrawAmount"),
        o.Time("updateTime"));

    public static AccountSnapshot Account(JsonElement o)
    {
        var assets = new List<AssetBalance>();
        if (o.TryProp("assets", out var a))
        {
            foreach (var row in a.EnumerateArray())
            {
                assets.Add(Balance(row));
            }
        }

        var positions = new List<AccountPosition>();
        if (o.TryProp("positions", out var p))
        {
            foreach (var row in p.EnumerateArray())
            {
                positions.Add(new AccountPosition(
                    row.RequiredStr("symbol"),
                    BinanceEnums.ParsePositionSide(row.StrOrNull("positionSide")),
                    row.Dec("positionAmt"),
                    row.DecOrNull("unrealizedProfit") ?? row.Dec("unRealizedProfit"),
                    row.Dec("notional"),
                    row.Dec("initialMargin"),
                    row.Dec("maintMargin"),
                    row.Time("updateTime")));
            }
        }

        return new AccountSnapshot(
            o.Dec("totalWalletBalance"),
            o.Dec("totalUnrealizedProfit"),
            o.Dec("totalMarginBalance"),
            o.Dec("totalInitialMargin"),
            o.Dec("totalMaintMargin"),
            o.Dec("availableBalance"),
            o.Dec("maxWithdrawAmount"),
            assets,
            positions);
    }

    public static CommissionRate Commission(JsonElement o) =>
        new(o.RequiredStr("symbol"), o.Dec("makerCommissionRate"), o.Dec("takerCommissionRate"));

    public static LeverageSetting Leverage(JsonElement o) =>
        new(o.RequiredStr("symbol"), o.Int("leverage"), o.Dec("maxNotionalValue"));

    public static IReadOnlyList<T> Array<T>(JsonElement root, Func<JsonElement, T> parse)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new JsonParseException($"Expected a JSON array, got {root.ValueKind}.");
        }

        var list = new List<T>(root.GetArrayLength());
        foreach (var item in root.EnumerateArray())
        {
            list.Add(parse(item));
        }

        return list;
    }
}
