using TradingBot.Exchange.Binance;
using TradingBot.Exchange.Model;
using TradingBot.Exchange.Tests.Support;

namespace TradingBot.Exchange.Tests.Fuzz;

/// <summary>
/// A REST reply kind: the route a fake serves it on, real seed bodies, the public client call that parses it, the
/// fields the parser must insist on and the value invariants of what the call returns.
/// </summary>
/// <param name="Name">Table row name.</param>
/// <param name="Method">HTTP method of the route.</param>
/// <param name="Path">Route path.</param>
/// <param name="Seeds">Unmutated bodies with the HTTP status to answer with.</param>
/// <param name="Call">The client call under test.</param>
/// <param name="Required">Presence oracle paths (see <see cref="RequiredFields"/>).</param>
/// <param name="Invariant">Null when the returned value is plausible, else what is wrong.</param>
internal sealed record RestPayloadKind(
    string Name,
    string Method,
    string Path,
    IReadOnlyList<(int Status, string Body)> Seeds,
    Func<BinanceFuturesClient, Task<object?>> Call,
    IReadOnlyList<string> Required,
    Func<object?, string?> Invariant);

/// <summary>The REST replies the client parses (including error bodies), with their oracles.</summary>
internal static class RestPayloads
{
    // The minimal reply shapes the client's other tests rely on set how strict "required" can be for orders.
    private static readonly string[] s_orderRequired = ["orderId", "symbol", "side", "status", "updateTime"];
    private static readonly string[] s_algoRequired = ["algoId", "clientAlgoId", "symbol", "side", "algoStatus", "createTime", "updateTime"];

    public static IReadOnlyList<RestPayloadKind> All()
    {
        return
        [
            new("rest exchangeInfo", "GET", "/fapi/v1/exchangeInfo", Ok(Net("ExchangeData/GetExchangeInfo.txt"), TestClients.ExchangeInfoJson),
                async c => await c.GetInstrumentsAsync(), ["symbols", "symbols[*].symbol"], v => Instruments((IReadOnlyList<InstrumentRules>)v!)),
            new("rest time", "GET", "/fapi/v1/time", Ok(Net("ExchangeData/GetServerTime.txt")),
                async c => await c.GetServerTimeAsync(), ["serverTime"], v => (DateTimeOffset)v! <= DateTimeOffset.UnixEpoch ? "server time not after 1970" : null),
            new("rest klines", "GET", "/fapi/v1/klines", Ok(Net("ExchangeData/GetKlines.txt"), Support.Fixtures.CcxtResponse("fetchOHLCV").GetRawText()),
                async c => await c.GetKlinesAsync(new KlineQuery("BTCUSDT", KlineInterval.OneMinute, DateTimeOffset.FromUnixTimeMilliseconds(1499040000000), MaxCount: 3)),
                ["[*][0]", "[*][1]", "[*][2]", "[*][3]", "[*][4]", "[*][5]", "[*][6]", "[*][7]"], v => Klines((IReadOnlyList<Kline>)v!)),
            new("rest premiumIndex", "GET", "/fapi/v1/premiumIndex", Ok(Net("ExchangeData/GetMarkPrice.txt"), Support.Fixtures.SdkResponse("rest-market-data", "mark_price")),
                async c => await c.GetMarkPriceAsync("BTCUSDT"), ["symbol", "markPrice"], v => Mark((MarkPrice)v!)),
            new("rest balance", "GET", "/fapi/v3/balance", Ok(Net("Account/GetBalances.txt"), Support.Fixtures.SdkResponse("rest-account", "futures_account_balance_v3")),
                async c => await c.GetBalancesAsync(), ["[*].asset", "[*].balance|[*].walletBalance", "[*].availableBalance"],
                v => ((IReadOnlyList<AssetBalance>)v!).Any(b => b.Asset.Length == 0) ? "empty asset" : null),
            new("rest account", "GET", "/fapi/v3/account", Ok(Net("Account/GetAccountInfoV3.txt"), Support.Fixtures.SdkResponse("rest-account", "account_information_v3"), Support.Fixtures.CcxtResponse("fetchBalance").GetRawText()),
                async c => await c.GetAccountAsync(),
                ["assets?[*].asset", "assets?[*].walletBalance|assets?[*].balance", "positions?[*].symbol", "positions?[*].positionAmt"],
                v => Account((AccountSnapshot)v!)),
            new("rest positionRisk", "GET", "/fapi/v3/positionRisk", Ok(Net("Trading/GetPositions.txt"), Support.Fixtures.SdkResponse("rest-trade", "position_information_v3"), Support.Fixtures.CcxtResponse("fetchPositions").GetRawText()),
                async c => await c.GetPositionsAsync(), ["[*].symbol", "[*].positionAmt", "[*].entryPrice", "[*].markPrice"], v => Positions((IReadOnlyList<Position>)v!)),
            new("rest commissionRate", "GET", "/fapi/v1/commissionRate", Ok(Net("Account/GetUserCommissionRate.txt"), Support.Fixtures.SdkResponse("rest-account", "user_commission_rate")),
                async c => await c.GetCommissionRateAsync("BTCUSDT"), ["symbol", "makerCommissionRate", "takerCommissionRate"],
                v => v is CommissionRate r && (r.Maker is <= -1 or >= 1 || r.Taker is <= -1 or >= 1) ? "commission rate outside (-1, 1)" : null),
            new("rest leverage", "POST", "/fapi/v1/leverage", Ok(Net("Account/ChangeInitialLeverage.txt"), Support.Fixtures.SdkResponse("rest-trade", "change_initial_leverage")),
                async c => await c.SetLeverageAsync("BTCUSDT", 21), ["symbol", "leverage"],
                v => v is LeverageSetting l && (l.Leverage is < 1 or > 125 || l.MaxNotionalValue < 0) ? "leverage outside 1..125 or negative max notional" : null),
            new("rest order", "GET", "/fapi/v1/order", Ok(Net("Trading/GetOrder.txt"), Net("Trading/PlaceOrder.txt"), Net("Trading/CancelOrder.txt"), Support.Fixtures.SdkResponse("rest-trade", "query_order"), Support.Fixtures.CcxtResponse("fetchOpenOrder").GetRawText()),
                async c => await c.GetOrderAsync("BTCUSDT", "abc"), s_orderRequired, v => v is null ? null : Order((OrderSnapshot)v)),
            new("rest openOrders", "GET", "/fapi/v1/openOrders", Ok(Net("Trading/GetOpenOrders.txt")),
                async c => await c.GetOpenOrdersAsync("BTCUSDT"), [.. s_orderRequired.Select(p => "[*]." + p)], v => First(((IReadOnlyList<OrderSnapshot>)v!).Select(Order))),
            new("rest algoOrder", "GET", "/fapi/v1/algoOrder", Ok(Net("Trading/GetConditionalOrder.txt"), Net("Trading/PlaceConditionalOrder.txt"), Net("Trading/CancelConditionalOrder.txt"), Support.Fixtures.SdkResponse("rest-trade", "query_algo_order")),
                async c => await c.GetAlgoOrderAsync("BTCUSDT", "abc"), s_algoRequired, v => v is null ? null : Algo((AlgoOrderSnapshot)v)),
            new("rest openAlgoOrders", "GET", "/fapi/v1/openAlgoOrders", Ok(Net("Trading/GetOpenConditionalOrders.txt"), Support.Fixtures.SdkResponse("rest-trade", "current_all_algo_open_orders")),
                async c => await c.GetOpenAlgoOrdersAsync("BTCUSDT"), [.. s_algoRequired.Select(p => "[*]." + p)], v => First(((IReadOnlyList<AlgoOrderSnapshot>)v!).Select(Algo))),
            new("rest allAlgoOrders", "GET", "/fapi/v1/allAlgoOrders", Ok(Net("Trading/GetConditionalOrders.txt")),
                async c => await c.GetAlgoOrderHistoryAsync(new AlgoOrderHistoryQuery("BTCUSDT")), [.. s_algoRequired.Select(p => "[*]." + p)], v => First(((IReadOnlyList<AlgoOrderSnapshot>)v!).Select(Algo))),
            new("rest error bodies", "GET", "/fapi/v1/time", ErrorBodies(),
                async c => await c.GetServerTimeAsync(), [], _ => "an error reply was returned as a value"),
        ];
    }

    private static string Net(string relative) => Support.Fixtures.BinanceNetEndpoint(relative).Body;

    private static List<(int, string)> Ok(params string[] bodies) => [.. bodies.Select(b => (200, b))];

    /// <summary>Every code of usdm-error-codes.json as Binance's {"code","msg"} body, spread over the statuses Binance uses.</summary>
    private static List<(int, string)> ErrorBodies()
    {
        int[] statuses = [400, 401, 403, 404, 408, 500, 502, 503, 200];
        var codes = Support.Fixtures.Json("usdm-error-codes.json").GetProperty("codes").EnumerateArray().ToList();
        var bodies = new List<(int, string)> { (400, Support.Fixtures.Json("usdm-error-codes.json").GetProperty("errorPayloadShape").GetRawText()) };
        for (var i = 0; i < codes.Count; i++)
        {
            var body = System.Text.Json.JsonSerializer.Serialize(new { code = codes[i].GetProperty("code").GetInt32(), msg = codes[i].GetProperty("msg").GetString() });
            bodies.Add((statuses[i % statuses.Length], body));
        }

        return bodies;
    }

    private static string? First(IEnumerable<string?> problems) => problems.FirstOrDefault(p => p is not null);

    private static string? Instruments(IReadOnlyList<InstrumentRules> list)
    {
        if (list.Select(r => r.Symbol).Distinct(StringComparer.Ordinal).Count() != list.Count)
        {
            return "duplicate symbol";
        }

        return First(list.Select(r =>
            r.Symbol.Length == 0 ? "empty symbol"
            : r.Price.TickSize <= 0 ? "tick size not positive (missing or bad PRICE_FILTER)"
            : r.Price.MinPrice < 0 || r.Price.MaxPrice < 0 || (r.Price.MaxPrice > 0 && r.Price.MaxPrice < r.Price.MinPrice) ? "bad price bounds"
            : r.LotSize.StepSize <= 0 ? "step size not positive (missing or bad LOT_SIZE)"
            : r.LotSize.MinQuantity < 0 || r.LotSize.MaxQuantity < r.LotSize.MinQuantity ? "bad lot bounds"
            : r.MarketLotSize is { } m && (m.StepSize <= 0 || m.MinQuantity < 0 || m.MaxQuantity < m.MinQuantity) ? "bad market lot"
            : r.MinNotional < 0 ? "negative min notional"
            : r.PercentPrice is { } p && (p.MultiplierUp <= 0 || p.MultiplierDown <= 0 || p.MultiplierDecimal < 0) ? "bad percent price"
            : r.MaxOpenOrders is <= 0 ? "non-positive max orders"
            : r.PricePrecision is < 0 or > 28 || r.QuantityPrecision is < 0 or > 28 ? "precision outside 0..28"
            : r.TriggerProtect < 0 ? "negative trigger protect"
            : null));
    }

    private static string? Klines(IReadOnlyList<Kline> rows) => First(rows.Select(k =>
        k.Open <= 0 || k.High <= 0 || k.Low <= 0 || k.Close <= 0 ? "non-positive price"
        : k.High < k.Low ? "high below low"
        : k.Volume < 0 || k.QuoteVolume < 0 || k.TakerBuyBaseVolume < 0 || k.TakerBuyQuoteVolume < 0 || k.TradeCount < 0 ? "negative volume or trade count"
        : k.CloseTime <= k.OpenTime ? "close time not after open time"
        : null));

    private static string? Mark(MarkPrice m) =>
        m.Price <= 0 ? "non-positive mark price"
        : m.IndexPrice < 0 || m.EstimatedSettlePrice < 0 ? "negative index/settle price"
        : m.Symbol.Length == 0 ? "empty symbol"
        : null;

    private static string? Account(AccountSnapshot a) =>
        a.TotalInitialMargin < 0 || a.TotalMaintenanceMargin < 0 ? "negative margin total"
        : a.Assets.Any(b => b.Asset.Length == 0) || a.Positions.Any(p => p.Symbol.Length == 0) ? "empty asset/symbol"
        : a.Positions.Any(p => p.InitialMargin < 0 || p.MaintenanceMargin < 0) ? "negative position margin"
        : null;

    private static string? Positions(IReadOnlyList<Position> list) => First(list.Select(p =>
        p.EntryPrice < 0 || p.BreakEvenPrice < 0 || p.MarkPrice < 0 || p.LiquidationPrice < 0 ? "negative price"
        : p.IsolatedMargin < 0 || p.InitialMargin < 0 || p.MaintenanceMargin < 0 ? "negative margin"
        : p.Symbol.Length == 0 ? "empty symbol"
        : null));

    private static string? Order(OrderSnapshot o) =>
        o.OrderId <= 0 ? "non-positive order id"
        : o.Price < 0 || o.AveragePrice < 0 ? "negative price"
        : o.OriginalQuantity < 0 || o.ExecutedQuantity < 0 ? "negative quantity"
        : o.UpdateTime <= DateTimeOffset.UnixEpoch ? "update time not after 1970"
        : null;

    private static string? Algo(AlgoOrderSnapshot a) =>
        a.AlgoId <= 0 ? "non-positive algo id"
        : a.Quantity < 0 || a.ActualQuantity < 0 ? "negative quantity"
        : a.TriggerPrice < 0 || a.ActualPrice < 0 ? "negative price"
        : a.ActualOrderId is <= 0 ? "non-positive child order id"
        : a.CreateTime <= DateTimeOffset.UnixEpoch || a.UpdateTime <= DateTimeOffset.UnixEpoch ? "time not after 1970"
        : null;
}
