using TradingBot.Exchange.Binance;

namespace TradingBot.Exchange.Tests.Support;

/// <summary>Client factory for tests: docs example key/secret, a loopback environment and short timers.</summary>
internal static class TestClients
{
    public const string ApiKey = "dbefbc809e3e83c283a984c3a1459732ea7db1360ca80c5c2c8867408d28cc83";
    public const string Secret = "2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9";

    public static BinanceClientOptions Options(Uri? rest = null, Uri? stream = null) => new()
    {
        Environment = BinanceEnvironment.Custom(rest ?? new Uri("http://127.0.0.1:1"), stream ?? new Uri("ws://127.0.0.1:1")),
        ApiKey = ApiKey,
        ApiSecret = Secret,
        LostResponseGracePeriod = TimeSpan.FromMilliseconds(300),
        LostResponseInitialDelay = TimeSpan.FromMilliseconds(5),
        ReconnectInitialDelay = TimeSpan.FromMilliseconds(10),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(50),
        JitterSeed = 7,
    };

    public static BinanceFuturesClient Create(FakeHttp http, BinanceClientOptions? options = null, TimeProvider? time = null) =>
        new(options ?? Options(), http.Client(), time);

    /// <summary>A BTCUSDT-like exchangeInfo: tick 0.10, step 0.001, min notional 100, market max 120.</summary>
    public const string ExchangeInfoJson = """
        {"timezone":"UTC","serverTime":1700000000000,"rateLimits":[],"exchangeFilters":[],"symbols":[
          {"symbol":"BTCUSDT","pair":"BTCUSDT","contractType":"PERPETUAL","status":"TRADING","baseAsset":"BTC","quoteAsset":"USDT",
           "marginAsset":"USDT","pricePrecision":2,"quantityPrecision":3,"triggerProtect":"0.0500","filters":[
            {"filterType":"PRICE_FILTER","minPrice":"556.80","maxPrice":"4529764","tickSize":"0.10"},
            {"filterType":"LOT_SIZE","minQty":"0.001","maxQty":"1000","stepSize":"0.001"},
            {"filterType":"MARKET_LOT_SIZE","minQty":"0.001","maxQty":"120","stepSize":"0.001"},
            {"filterType":"MAX_NUM_ORDERS","limit":200},
            {"filterType":"MIN_NOTIONAL","notional":"100"},
            {"filterType":"PERCENT_PRICE","multiplierUp":"1.0500","multiplierDown":"0.9500","multiplierDecimal":"4"}]},
          {"symbol":"LTCUSDT","pair":"LTCUSDT","contractType":"PERPETUAL","status":"TRADING","baseAsset":"LTC","quoteAsset":"USDT",
           "marginAsset":"USDT","pricePrecision":2,"quantityPrecision":3,"triggerProtect":"0.0500","filters":[
            {"filterType":"PRICE_FILTER","minPrice":"3.61","maxPrice":"100000","tickSize":"0.01"},
            {"filterType":"LOT_SIZE","minQty":"0.001","maxQty":"100000","stepSize":"0.001"},
            {"filterType":"MARKET_LOT_SIZE","minQty":"0.001","maxQty":"5000","stepSize":"0.001"},
            {"filterType":"MIN_NOTIONAL","notional":"5"}]}]}
        """;

    public static FakeHttp WithExchangeInfo(this FakeHttp http) => http.OnJson("GET", "/fapi/v1/exchangeInfo", ExchangeInfoJson);
}
