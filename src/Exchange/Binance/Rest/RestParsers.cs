using System.Text.Json;
using TradingBot.Exchange.Binance.Json;
using TradingBot.Exchange.Model;

namespace TradingBot.Exchange.Binance.Rest;

/// <summary>REST reply → model. Lenient about number encodings and unknown fields.</summary>
internal static class RestParsers
{
    public static IReadOnlyList<InstrumentRules> ExchangeInfo(JsonElement root)
    {
        LenientJson.RequireObject(root, "exchangeInfo");
        var list = new List<InstrumentRules>();
        if (!root.TryProp("symbols", out var symbols))
        {
            throw new JsonParseException("exchangeInfo has no 'symbols'.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in symbols.EnumerateArray())
        {
            var rules = Instrument(s);

            // The client indexes the rules by symbol: two rows for one symbol would leave it guessing which to trade by.
            if (!seen.Add(rules.Symbol))
            {
                throw new JsonParseException($"exchangeInfo lists {rules.Symbol} twice.");
            }

            list.Add(rules);
        }

        return list;
    }

    /// <summary>
    /// One exchangeInfo symbol. PRICE_FILTER and LOT_SIZE are mandatory (Binance always sends them; without a tick
    /// and a step no order can be rounded), ticks and steps must be positive and bounds not negative.
    /// </summary>
    public static InstrumentRules Instrument(JsonElement s)
    {
        LenientJson.RequireObject(s, "exchangeInfo symbol");
        var symbol = s.RequiredStr("symbol");
        PriceFilter? price = null;
        LotSizeFilter? lot = null;
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
                        price = Price(f);
                        break;
                    case "LOT_SIZE":
                        lot = Lot(f, "LOT_SIZE");
                        break;
                    case "MARKET_LOT_SIZE":
                        marketLot = Lot(f, "MARKET_LOT_SIZE");
                        break;
                    case "MIN_NOTIONAL":
                        minNotional = (f.DecOrNull("notional") ?? f.Dec("minNotional")).NotNegative("MIN_NOTIONAL.notional");
                        break;
                    case "PERCENT_PRICE":
                        var decimals = f.Int("multiplierDecimal");
                        percent = new PercentPriceFilter(
                            f.RequiredDec("multiplierUp").Positive("multiplierUp"),
                            f.RequiredDec("multiplierDown").Positive("multiplierDown"),
                            decimals >= 0 ? decimals : throw new JsonParseException($"'multiplierDecimal' is negative: {decimals}."));
                        break;
                    case "MAX_NUM_ORDERS":
                        var limit = f.Int("limit");
                        maxOrders = limit > 0 ? limit : throw new JsonParseException($"MAX_NUM_ORDERS 'limit' must be positive: {limit}.");
                        break;
                    default:
                        break;
                }
            }
        }

        return new InstrumentRules(
            symbol,
            s.Str("status"),
            s.Str("contractType"),
            s.Str("baseAsset"),
            s.Str("quoteAsset"),
            s.Str("marginAsset"),
            Precision(s, "pricePrecision"),
            Precision(s, "quantityPrecision"),
            price ?? throw new JsonParseException($"{symbol} has no PRICE_FILTER."),
            lot ?? throw new JsonParseException($"{symbol} has no LOT_SIZE."),
            marketLot,
            minNotional,
            percent,
            maxOrders,
            s.Dec("triggerProtect").NotNegative("triggerProtect"));
    }

    /// <summary>One kline row: [openTime, o, h, l, c, v, closeTime, quoteVolume, trades, takerBase, takerQuote, ignore].</summary>
    public static Kline KlineRow(JsonElement row, string symbol, KlineInterval interval, DateTimeOffset serverNow)
    {
        if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() < 11)
        {
            throw new JsonParseException("Kline row is not an array of at least 11 items.");
        }

        decimal D(int i) => LenientJson.ToDecimal(row[i], $"kline[{i}]") ?? throw new JsonParseException($"kline[{i}] is missing.");
        decimal Optional(int i) => (LenientJson.ToDecimal(row[i], $"kline[{i}]") ?? 0m).NotNegative($"kline[{i}]");
        long L(int i) => LenientJson.ToLong(row[i], $"kline[{i}]") ?? throw new JsonParseException($"kline[{i}] is missing.");
        var open = LenientJson.FromMs(L(0));
        var close = LenientJson.FromMs(L(6));
        return CheckCandle(new Kline(
            symbol,
            interval,
            open,
            close,
            D(1),
            D(2),
            D(3),
            D(4),
            D(5),
            D(7),
            LenientJson.ToLong(row[8], "kline[8]") ?? 0L,
            Optional(9),
            Optional(10),
            close < serverNow));
    }

    /// <summary>Refuses a candle no exchange can print: non-positive prices, high below low, negative volume, close not after open.</summary>
    public static Kline CheckCandle(Kline k)
    {
        k.Open.Positive("open");
        k.High.Positive("high");
        k.Low.Positive("low");
        k.Close.Positive("close");
        if (k.High < k.Low)
        {
            throw new JsonParseException($"Candle high {k.High} is below its low {k.Low}.");
        }

        k.Volume.NotNegative("volume");
        k.QuoteVolume.NotNegative("quote volume");
        k.TakerBuyBaseVolume.NotNegative("taker buy base volume");
        k.TakerBuyQuoteVolume.NotNegative("taker buy quote volume");
        if (k.TradeCount < 0)
        {
            throw new JsonParseException($"Candle trade count is negative: {k.TradeCount}.");
        }

        return k.CloseTime > k.OpenTime ? k : throw new JsonParseException($"Candle closes ({k.CloseTime:O}) before it opens ({k.OpenTime:O}).");
    }

    public static DateTimeOffset ServerTime(JsonElement o)
    {
        LenientJson.RequireObject(o, "time");
        return o.RequiredTime("serverTime");
    }

    public static MarkPrice MarkPrice(JsonElement o)
    {
        LenientJson.RequireObject(o, "premiumIndex");
        return new(
            o.RequiredStr("symbol"),
            o.RequiredDec("markPrice").Positive("markPrice"),
            o.Dec("indexPrice").NotNegative("indexPrice"),
            o.Dec("estimatedSettlePrice").NotNegative("estimatedSettlePrice"),
            o.Dec("lastFundingRate"),
            o.Time("nextFundingTime"),
            o.Time("time"));
    }

    public static OrderSnapshot Order(JsonElement o)
    {
        LenientJson.RequireObject(o, "order");
        return new(
            o.RequiredId("orderId"),
            o.Str("clientOrderId"),
            o.RequiredStr("symbol"),
            BinanceEnums.ParseSide(o.StrOrNull("side")),
            BinanceEnums.ParsePositionSide(o.StrOrNull("positionSide")),
            BinanceEnums.ParseOrderType(o.StrOrNull("type")),
            BinanceEnums.ParseOrderStatus(o.RequiredStr("status")),
            o.Dec("price").NotNegative("price"),
            o.DecOrNull("avgPrice")?.NotNegative("avgPrice"),
            o.Dec("origQty").NotNegative("origQty"),
            o.Dec("executedQty").NotNegative("executedQty"),
            o.Bool("reduceOnly"),
            o.Bool("closePosition"),
            o.RequiredTime("updateTime"));
    }

    public static AlgoOrderSnapshot AlgoOrder(JsonElement o)
    {
        LenientJson.RequireObject(o, "algo order");
        var child = o.LongOrNull("actualOrderId");
        return new(
            o.RequiredId("algoId"),
            o.RequiredStr("clientAlgoId"),
            o.RequiredStr("symbol"),
            BinanceEnums.ParseSide(o.StrOrNull("side")),
            BinanceEnums.ParsePositionSide(o.StrOrNull("positionSide")),
            BinanceEnums.ParseOrderType(o.StrOrNull("orderType") ?? o.StrOrNull("type")),
            BinanceEnums.ParseAlgoStatus(o.RequiredStr("algoStatus")),
            o.Dec("quantity").NotNegative("quantity"),
            o.Dec("triggerPrice").NotNegative("triggerPrice"),
            BinanceEnums.ParseWorkingType(o.StrOrNull("workingType")),
            o.Bool("closePosition"),
            o.Bool("reduceOnly"),
            o.Bool("priceProtect"),
            child is null or > 0 ? child : throw new JsonParseException($"'actualOrderId' is not a positive id: {child}."),
            o.DecOrNull("actualPrice")?.NotNegative("actualPrice"),
            o.DecOrNull("actualQty")?.NotNegative("actualQty"),
            o.RequiredTime("createTime"),
            o.RequiredTime("updateTime"),
            o.TimeOrNull("triggerTime"));
    }

    public static Position Position(JsonElement o)
    {
        LenientJson.RequireObject(o, "position");
        return new(
            o.RequiredStr("symbol"),
            BinanceEnums.ParsePositionSide(o.StrOrNull("positionSide")),
            o.RequiredDec("positionAmt"),
            o.RequiredDec("entryPrice").NotNegative("entryPrice"),
            o.Dec("breakEvenPrice").NotNegative("breakEvenPrice"),
            o.RequiredDec("markPrice").NotNegative("markPrice"),
            o.Dec("unRealizedProfit"),
            o.Dec("liquidationPrice").NotNegative("liquidationPrice"),
            o.Dec("notional"),
            o.Dec("isolatedMargin").NotNegative("isolatedMargin"),
            o.Dec("initialMargin").NotNegative("initialMargin"),
            o.Dec("maintMargin").NotNegative("maintMargin"),
            o.Time("updateTime"));
    }

    public static AssetBalance Balance(JsonElement o)
    {
        LenientJson.RequireObject(o, "balance");
        return new(
            o.RequiredStr("asset"),
            o.DecOrNull("balance") ?? o.RequiredDec("walletBalance"),
            o.Dec("crossWalletBalance"),
            o.DecOrNull("crossUnPnl") ?? o.Dec("unrealizedProfit"),
            o.RequiredDec("availableBalance"),
            o.Dec("maxWithdrawAmount"),
            o.Time("updateTime"));
    }

    public static AccountSnapshot Account(JsonElement o)
    {
        LenientJson.RequireObject(o, "account");
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
                    row.RequiredDec("positionAmt"),
                    row.DecOrNull("unrealizedProfit") ?? row.Dec("unRealizedProfit"),
                    row.Dec("notional"),
                    row.Dec("initialMargin").NotNegative("initialMargin"),
                    row.Dec("maintMargin").NotNegative("maintMargin"),
                    row.Time("updateTime")));
            }
        }

        return new AccountSnapshot(
            o.Dec("totalWalletBalance"),
            o.Dec("totalUnrealizedProfit"),
            o.Dec("totalMarginBalance"),
            o.Dec("totalInitialMargin").NotNegative("totalInitialMargin"),
            o.Dec("totalMaintMargin").NotNegative("totalMaintMargin"),
            o.Dec("availableBalance"),
            o.Dec("maxWithdrawAmount"),
            assets,
            positions);
    }

    public static CommissionRate Commission(JsonElement o)
    {
        LenientJson.RequireObject(o, "commissionRate");
        return new(o.RequiredStr("symbol"), Rate(o, "makerCommissionRate"), Rate(o, "takerCommissionRate"));
    }

    public static LeverageSetting Leverage(JsonElement o)
    {
        LenientJson.RequireObject(o, "leverage");
        var leverage = o.RequiredLong("leverage");
        return new(
            o.RequiredStr("symbol"),
            leverage is >= 1 and <= 125 ? (int)leverage : throw new JsonParseException($"'leverage' is outside 1..125: {leverage}."),
            o.Dec("maxNotionalValue").NotNegative("maxNotionalValue"));
    }

    /// <summary>The listen key of POST /fapi/v1/listenKey (opaque; only its presence is checked).</summary>
    public static string ListenKey(JsonElement o)
    {
        LenientJson.RequireObject(o, "listenKey");
        return o.RequiredStr("listenKey");
    }

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

    private static PriceFilter Price(JsonElement f)
    {
        var min = f.Dec("minPrice").NotNegative("PRICE_FILTER.minPrice");
        var max = f.Dec("maxPrice").NotNegative("PRICE_FILTER.maxPrice");
        if (max > 0 && max < min)
        {
            throw new JsonParseException($"PRICE_FILTER maxPrice {max} is below minPrice {min}.");
        }

        return new PriceFilter(min, max, f.RequiredDec("tickSize").Positive("PRICE_FILTER.tickSize"));
    }

    private static LotSizeFilter Lot(JsonElement f, string filter)
    {
        var min = f.Dec("minQty").NotNegative(filter + ".minQty");
        var max = f.RequiredDec("maxQty");
        if (max < min)
        {
            throw new JsonParseException($"{filter} maxQty {max} is below minQty {min}.");
        }

        return new LotSizeFilter(min, max, f.RequiredDec("stepSize").Positive(filter + ".stepSize"));
    }

    private static int Precision(JsonElement s, string name)
    {
        var value = s.Int(name);
        return value is >= 0 and <= 28 ? value : throw new JsonParseException($"'{name}' is outside 0..28: {value}.");
    }

    private static decimal Rate(JsonElement o, string name)
    {
        var rate = o.RequiredDec(name);
        return rate is > -1m and < 1m ? rate : throw new JsonParseException($"'{name}' is not a fraction: {rate}.");
    }
}
