using System.Text.Json.Nodes;
using TradingBot.Exchange.Simulator.Hosting;
using TradingBot.Exchange.Simulator.Market;
using TradingBot.Exchange.Simulator.Matching;
using TradingBot.Exchange.Simulator.Server.Json;
using TradingBot.Exchange.Simulator.Venue;

namespace TradingBot.Exchange.Simulator.Server.Rest;

/// <summary>The REST route table: parameter validation with Binance codes, then the venue call, then the Binance-shaped reply.</summary>
internal sealed class RestApi
{
    private const string CancelAllDone = "The operation of cancel all open order is done.";
    private readonly SimulatedExchange _venue;
    private readonly Dictionary<(string, string), Endpoint> _routes = [];
    private readonly HashSet<string> _paths = new(StringComparer.Ordinal);

    public RestApi(SimulatedExchange venue, RateLimitOptions limits, ApiKeyPermissions? keyPermissions = null)
    {
        _venue = venue;
        Limits = limits;
        Add("GET", "/fapi/v1/ping", Security.None, 1, _ => new JsonObject());
        Add("GET", "/fapi/v1/time", Security.None, 1, r => new JsonObject { ["serverTime"] = r.ServerTimeMs });
        // Spot-host endpoints a real key is checked with (api.binance.com), served on the same loopback port.
        Add("GET", "/api/v3/time", Security.None, 1, r => new JsonObject { ["serverTime"] = r.ServerTimeMs });
        Add("GET", "/sapi/v1/account/apiRestrictions", Security.Signed, 1, _ => SpotAccountShapes.ApiRestrictions(keyPermissions ?? new ApiKeyPermissions()));
        Add("GET", "/fapi/v1/exchangeInfo", Security.None, 1, r =>
            JsonShapes.ExchangeInfo(_venue.Engine.Symbols, r.ServerTimeMs, Limits.WeightPerMinute, Limits.OrdersPerMinute, Limits.OrdersPer10Seconds));
        Add("GET", "/fapi/v1/klines", Security.None, r => KlineWeight(r), false, Klines);
        Add("GET", "/fapi/v1/premiumIndex", Security.None, r => r.Has("symbol") ? 1 : 10, false, PremiumIndex);
        Add("GET", "/fapi/v1/fundingRate", Security.None, 1, FundingRate);
        Add("POST", "/fapi/v1/leverage", Security.Signed, 1, r =>
        {
            var leverage = r.OptionalLong("leverage") ?? throw Errors.Mandatory("leverage");
            var config = _venue.Run(e => e.SetLeverage(r.ApiKey, Symbol(r), (int)Math.Clamp(leverage, int.MinValue, int.MaxValue)));
            return new JsonObject { ["leverage"] = config.Leverage, ["maxNotionalValue"] = Wire.Dec(config.MaxNotionalValue), ["symbol"] = config.Symbol };
        });
        Add("POST", "/fapi/v1/marginType", Security.Signed, 1, r =>
        {
            var type = r.Required("marginType") switch
            {
                "ISOLATED" or "isolated" => MarginType.Isolated,
                "CROSSED" or "crossed" or "CROSS" => MarginType.Crossed,
                _ => throw new ExchangeRejectedException(-4044, "The margin type is invalid."),
            };
            _venue.Run(e => e.SetMarginType(r.ApiKey, Symbol(r), type));
            return JsonShapes.CodeMsg(200, "success");
        });
        Add("GET", "/fapi/v1/positionSide/dual", Security.Signed, 30, r =>
            new JsonObject { ["dualSidePosition"] = _venue.Run(e => e.GetDualSidePosition(r.ApiKey)) });
        Add("POST", "/fapi/v1/positionSide/dual", Security.Signed, 1, r =>
        {
            var dual = r.Optional("dualSidePosition") is null ? throw Errors.Mandatory("dualSidePosition") : r.OptionalBool("dualSidePosition");
            _venue.Run(e => e.SetDualSidePosition(r.ApiKey, dual));
            return JsonShapes.CodeMsg(200, "success");
        });
        Add("GET", "/fapi/v1/symbolConfig", Security.Signed, 5, r =>
            Array(_venue.Run(e => e.SymbolConfigs(r.ApiKey, OptionalSymbol(r))).Select(JsonShapes.SymbolConfig)));
        Add("POST", "/fapi/v1/order", Security.Signed, _ => 0, true, NewOrder);
        Add("GET", "/fapi/v1/order", Security.Signed, 1, r =>
            WithSpec(r, _venue.Run(e => e.QueryOrder(r.ApiKey, Symbol(r), r.OptionalLong("orderId"), r.Optional("origClientOrderId"))), true));
        Add("DELETE", "/fapi/v1/order", Security.Signed, 1, r =>
            WithSpec(r, _venue.Run(e => e.CancelOrder(r.ApiKey, Symbol(r), r.OptionalLong("orderId"), r.Optional("origClientOrderId"))), false));
        Add("DELETE", "/fapi/v1/allOpenOrders", Security.Signed, 1, r =>
        {
            _venue.Run(e => e.CancelAllOrders(r.ApiKey, Symbol(r)));
            return JsonShapes.CodeMsg(200, CancelAllDone);
        });
        Add("POST", "/fapi/v1/countdownCancelAll", Security.Signed, 10, r =>
        {
            var symbol = Symbol(r);
            var countdown = r.OptionalLong("countdownTime") ?? throw Errors.Mandatory("countdownTime");
            if (countdown < 0)
            {
                throw new ExchangeRejectedException(-1130, "Data sent for parameter 'countdownTime' is not valid.");
            }

            _venue.SetCountdownCancelAll(r.ApiKey, symbol, TimeSpan.FromMilliseconds(countdown));
            return new JsonObject { ["symbol"] = symbol, ["countdownTime"] = countdown.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        });
        Add("GET", "/fapi/v1/openOrder", Security.Signed, 1, r =>
            WithSpec(r, _venue.Run(e => e.QueryOpenOrder(r.ApiKey, Symbol(r), r.OptionalLong("orderId"), r.Optional("origClientOrderId"))), true));
        Add("GET", "/fapi/v1/openOrders", Security.Signed, r => r.Has("symbol") ? 1 : 40, false, r =>
            Array(_venue.Run(e => e.OpenOrders(r.ApiKey, OptionalSymbol(r))).Select(o => JsonShapes.Order(o, Spec(o.Symbol)))));
        Add("GET", "/fapi/v1/allOrders", Security.Signed, 5, r =>
            Array(_venue.Run(e => e.AllOrders(r.ApiKey, OptionalSymbol(r), r.OptionalLong("orderId"), r.OptionalLong("startTime"), r.OptionalLong("endTime"), r.Limit(500, 1000)))
                .Select(o => JsonShapes.Order(o, Spec(o.Symbol)))));
        Add("GET", "/fapi/v1/userTrades", Security.Signed, 5, r =>
            Array(_venue.Run(e => e.UserTrades(r.ApiKey, OptionalSymbol(r), r.OptionalLong("orderId"), r.OptionalLong("startTime"), r.OptionalLong("endTime"), r.OptionalLong("fromId"), r.Limit(500, 1000)))
                .Select(t => JsonShapes.Trade(t, Spec(t.Symbol)))));
        Add("POST", "/fapi/v1/algoOrder", Security.Signed, _ => 0, true, NewAlgoOrder);
        Add("GET", "/fapi/v1/algoOrder", Security.Signed, 1, r =>
        {
            var algo = _venue.Run(e => e.QueryAlgoOrder(r.ApiKey, r.OptionalLong("algoId"), r.Optional("clientAlgoId")));
            return JsonShapes.Algo(algo, Spec(algo.Symbol), withActuals: true);
        });
        Add("DELETE", "/fapi/v1/algoOrder", Security.Signed, 1, r =>
        {
            var algo = _venue.Run(e => e.CancelAlgoOrder(r.ApiKey, r.OptionalLong("algoId"), r.Optional("clientAlgoId")));
            return new JsonObject { ["algoId"] = algo.AlgoId, ["clientAlgoId"] = algo.ClientAlgoId, ["code"] = "200", ["msg"] = "success" };
        });
        Add("DELETE", "/fapi/v1/algoOpenOrders", Security.Signed, 1, r =>
        {
            _venue.Run(e => e.CancelAllAlgoOrders(r.ApiKey, Symbol(r)));
            return JsonShapes.CodeMsg(200, CancelAllDone);
        });
        Add("GET", "/fapi/v1/openAlgoOrders", Security.Signed, r => r.Has("symbol") ? 1 : 40, false, r =>
            Array(_venue.Run(e => e.OpenAlgoOrders(r.ApiKey, OptionalSymbol(r))).Select(a => JsonShapes.Algo(a, Spec(a.Symbol), true))));
        Add("GET", "/fapi/v1/allAlgoOrders", Security.Signed, 5, r =>
            Array(_venue.Run(e => e.AllAlgoOrders(r.ApiKey, OptionalSymbol(r), r.OptionalLong("algoId"), r.OptionalLong("startTime"), r.OptionalLong("endTime"), r.Limit(500, 1000)))
                .Select(a => JsonShapes.Algo(a, Spec(a.Symbol), true))));
        Add("GET", "/fapi/v3/positionRisk", Security.Signed, 5, r =>
            Array(_venue.Run(e => e.Positions(r.ApiKey, OptionalSymbol(r))).Select(JsonShapes.PositionV3)));
        Add("GET", "/fapi/v3/account", Security.Signed, 5, r =>
            _venue.Run(e => JsonShapes.AccountV3(e.Balance(r.ApiKey), e.Positions(r.ApiKey, null, includeOpenOrderSymbols: false))));
        Add("GET", "/fapi/v3/balance", Security.Signed, 5, r =>
            JsonShapes.BalanceV3(_venue.Run(e => e.Balance(r.ApiKey)), "sim" + r.ApiKey[..Math.Min(4, r.ApiKey.Length)]));
        Add("GET", "/fapi/v1/commissionRate", Security.Signed, 20, r =>
        {
            var symbol = Symbol(r);
            var options = _venue.Engine.Options;
            return new JsonObject
            {
                ["symbol"] = symbol,
                ["makerCommissionRate"] = Wire.Dec(options.MakerFeeRate),
                ["takerCommissionRate"] = Wire.Dec(options.TakerFeeRate),
                ["rpiCommissionRate"] = "0",
            };
        });
        Add("POST", "/fapi/v1/listenKey", Security.UserStream, 1, r => new JsonObject { ["listenKey"] = _venue.CreateListenKey(r.ApiKey) });
        Add("PUT", "/fapi/v1/listenKey", Security.UserStream, 1, r =>
            _venue.KeepAliveListenKey(r.ApiKey, r.Optional("listenKey"), out var key)
                ? new JsonObject { ["listenKey"] = key }
                : throw new ExchangeRejectedException(-1125, "This listenKey does not exist. Please use POST /fapi/v1/listenKey to recreate listenKey"));
        Add("DELETE", "/fapi/v1/listenKey", Security.UserStream, 1, r =>
        {
            _venue.CloseListenKey(r.ApiKey, r.Optional("listenKey"));
            return new JsonObject();
        });
    }

    public RateLimitOptions Limits { get; }

    public Endpoint? Find(string method, string path) => _routes.GetValueOrDefault((method, path));

    public bool KnowsPath(string path) => _paths.Contains(path);

    private void Add(string method, string path, Security security, int weight, Func<ApiRequest, JsonNode> handler) =>
        Add(method, path, security, _ => weight, false, handler);

    private void Add(string method, string path, Security security, Func<ApiRequest, int> weight, bool order, Func<ApiRequest, JsonNode> handler)
    {
        _routes[(method, path)] = new Endpoint(method, path, security, weight, order, handler);
        _paths.Add(path);
    }

    private static JsonArray Array(IEnumerable<JsonNode> items) => new([.. items]);

    private SymbolSpec Spec(string symbol) => _venue.Engine.GetSymbol(symbol);

    private string Symbol(ApiRequest r)
    {
        var symbol = r.Required("symbol");
        return _venue.Engine.HasSymbol(symbol) ? symbol : throw Errors.InvalidSymbol();
    }

    private string? OptionalSymbol(ApiRequest r) => r.Has("symbol") ? Symbol(r) : null;

    private JsonObject WithSpec(ApiRequest r, OrderView order, bool includeTime) => JsonShapes.Order(order, Spec(order.Symbol), includeTime);

    private static int KlineWeight(ApiRequest r)
    {
        var limit = long.TryParse(r.Optional("limit"), out var l) ? l : 500;
        return limit switch
        {
            < 100 => 1,
            < 500 => 2,
            <= 1000 => 5,
            _ => 10,
        };
    }

    private JsonNode Klines(ApiRequest r)
    {
        var symbol = Symbol(r);
        var name = r.Required("interval");
        if (!KlineInterval.TryParse(name, out var length))
        {
            throw new ExchangeRejectedException(-1120, "Invalid interval.");
        }

        var limit = r.Limit(500, 1500);
        var start = r.OptionalLong("startTime");
        var end = r.OptionalLong("endTime");
        if (start is not null && end is not null && start > end)
        {
            throw new ExchangeRejectedException(-1023, "Start time is greater than end time.");
        }

        var spec = Spec(symbol);
        return Array(_venue.Klines(symbol, length, start, end, limit).Select(c => EventShapesRow(c, length, spec)));
    }

    private static JsonArray EventShapesRow(Candle c, TimeSpan length, SymbolSpec spec) => EventShapes.KlineRow(c, length, spec);

    private JsonNode PremiumIndex(ApiRequest r)
    {
        JsonObject Row(string symbol) => _venue.Run(e =>
        {
            var mark = e.MarkPrice(symbol);
            var digits = e.GetSymbol(symbol).PricePrecision + 6;
            return new JsonObject
            {
                ["symbol"] = symbol,
                ["markPrice"] = Wire.Dec(mark, digits),
                ["indexPrice"] = Wire.Dec(mark, digits),
                ["estimatedSettlePrice"] = Wire.Dec(mark, digits),
                ["lastFundingRate"] = Wire.Dec(e.Options.FundingRate, 8),
                ["interestRate"] = "0.00010000",
                ["nextFundingTime"] = e.NextFundingTime.ToUnixTimeMilliseconds(),
                ["time"] = e.NowMs,
            };
        });

        return r.Has("symbol") ? Row(Symbol(r)) : Array(_venue.Engine.Symbols.Select(s => Row(s.Symbol)));
    }

    private JsonNode FundingRate(ApiRequest r)
    {
        var symbol = OptionalSymbol(r);
        var start = r.OptionalLong("startTime");
        var end = r.OptionalLong("endTime");
        var limit = r.Limit(100, 1000);
        var rows = _venue.Run(e => e.FundingHistory
            .Where(f => (symbol is null || f.Symbol == symbol) && (start is null || f.FundingTime >= start) && (end is null || f.FundingTime <= end))
            .ToArray());
        var picked = start is null ? rows.TakeLast(limit) : rows.Take(limit);
        return Array(picked.Select(f => new JsonObject
        {
            ["symbol"] = f.Symbol,
            ["fundingRate"] = Wire.Dec(f.FundingRate, 8),
            ["fundingTime"] = f.FundingTime,
            ["markPrice"] = Wire.Dec(f.MarkPrice, 8),
            ["rateType"] = "Regular",
        }));
    }

    private JsonNode NewOrder(ApiRequest r)
    {
        var symbol = Symbol(r);
        var side = ParseSide(r);
        var typeText = r.Required("type");
        OrderType type;
        switch (typeText)
        {
            case "LIMIT":
                type = OrderType.Limit;
                break;
            case "MARKET":
                type = OrderType.Market;
                break;
            case "STOP" or "STOP_MARKET" or "TAKE_PROFIT" or "TAKE_PROFIT_MARKET" or "TRAILING_STOP_MARKET":
                throw Errors.ConditionalOnOrderEndpoint();
            default:
                throw Errors.InvalidOrderType();
        }

        CheckPositionSide(r);
        foreach (var removed in new[] { "stopPrice", "closePosition", "activationPrice", "callbackRate", "workingType", "priceProtect" })
        {
            if (r.Has(removed))
            {
                throw Errors.NotRequired(removed);
            }
        }

        var quantity = r.RequiredDecimal("quantity");
        decimal? price = null;
        var tif = TimeInForce.Gtc;
        if (type == OrderType.Limit)
        {
            // priceMatch without a price: the simulated book's best prices are the last price.
            price = r.OptionalDecimal("price") ?? (IsPriceMatch(r) ? _venue.Run(e => e.LastPrice(symbol)) : r.RequiredDecimal("price"));
            if (!Wire.TryParseTimeInForce(r.Required("timeInForce"), out tif))
            {
                throw new ExchangeRejectedException(-1115, "Invalid timeInForce.");
            }
        }
        else if (r.Has("price"))
        {
            throw Errors.NotRequired("price");
        }

        var respType = r.Optional("newOrderRespType") ?? "ACK";
        if (respType is not ("ACK" or "RESULT"))
        {
            throw new ExchangeRejectedException(-1116, "Invalid newOrderRespType.");
        }

        var request = new NewOrder(symbol, side, type, quantity, price, tif, r.OptionalBool("reduceOnly"), r.Optional("newClientOrderId"));
        var order = _venue.Run(e => e.PlaceOrder(r.ApiKey, request));
        if (respType == "ACK")
        {
            order = order with { Status = OrderStatus.New, ExecutedQty = 0, CumQuote = 0, AvgPrice = 0, UpdateTime = order.Time };
        }

        return JsonShapes.Order(order, Spec(symbol), includeTime: false);
    }

    private JsonNode NewAlgoOrder(ApiRequest r)
    {
        var algoType = r.Required("algoType");
        if (algoType != "CONDITIONAL")
        {
            throw new ExchangeRejectedException(-1116, "Invalid algoType.");
        }

        var symbol = Symbol(r);
        var side = ParseSide(r);
        var typeText = r.Required("type");
        if (!Wire.TryParseAlgoType(typeText, out var type))
        {
            throw Errors.InvalidOrderType();
        }

        CheckPositionSide(r);
        var working = r.Optional("workingType") switch
        {
            null or "CONTRACT_PRICE" => WorkingType.ContractPrice,
            "MARK_PRICE" => WorkingType.MarkPrice,
            _ => throw new ExchangeRejectedException(-1130, "Data sent for parameter 'workingType' is not valid."),
        };
        var tif = TimeInForce.Gtc;
        if (r.Optional("timeInForce") is { } tifText && !Wire.TryParseTimeInForce(tifText, out tif))
        {
            throw new ExchangeRejectedException(-1115, "Invalid timeInForce.");
        }

        var request = new NewAlgoOrder(
            symbol,
            side,
            type,
            r.RequiredDecimal("triggerPrice"),
            r.OptionalDecimal("quantity"),
            r.OptionalDecimal("price") ?? (IsPriceMatch(r) ? r.RequiredDecimal("triggerPrice") : null),
            working,
            r.OptionalBool("closePosition"),
            r.OptionalBool("reduceOnly"),
            r.OptionalBool("priceProtect"),
            tif,
            r.Optional("clientAlgoId") ?? r.Optional("newClientOrderId"));
        var algo = _venue.Run(e => e.PlaceAlgoOrder(r.ApiKey, request));
        return JsonShapes.Algo(algo, Spec(symbol), withActuals: false);
    }

    private static bool IsPriceMatch(ApiRequest r) => r.Optional("priceMatch") is { } match && match != "NONE"
        && (match.StartsWith("OPPONENT", StringComparison.Ordinal) || match.StartsWith("QUEUE", StringComparison.Ordinal));

    private static Side ParseSide(ApiRequest r) =>
        Wire.TryParseSide(r.Required("side"), out var side) ? side : throw new ExchangeRejectedException(-1117, "Invalid side.");

    private void CheckPositionSide(ApiRequest r)
    {
        var positionSide = r.Optional("positionSide");
        if (positionSide is not null && positionSide != "BOTH")
        {
            // Hedge mode is not simulated: LONG/SHORT are rejected as in one-way mode.
            throw Errors.PositionSideMismatch();
        }

        if (_venue.Run(e => e.GetDualSidePosition(r.ApiKey)))
        {
            throw Errors.PositionSideMismatch();
        }
    }
}
