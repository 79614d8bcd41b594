namespace TradingBot.Exchange.Binance.Rest;

/// <summary>The USDⓈ-M endpoints this client uses, with their weights.</summary>
internal static class Endpoints
{
    public static readonly BinanceEndpoint Ping = new(HttpMethod.Get, "/fapi/v1/ping", EndpointSecurity.None, 1);
    public static readonly BinanceEndpoint ServerTime = new(HttpMethod.Get, "/fapi/v1/time", EndpointSecurity.None, 1);
    public static readonly BinanceEndpoint ExchangeInfo = new(HttpMethod.Get, "/fapi/v1/exchangeInfo", EndpointSecurity.None, 1);
    public static readonly BinanceEndpoint Klines = new(HttpMethod.Get, "/fapi/v1/klines", EndpointSecurity.None, 10);
    public static readonly BinanceEndpoint PremiumIndex = new(HttpMethod.Get, "/fapi/v1/premiumIndex", EndpointSecurity.None, 1);

    public static readonly BinanceEndpoint Balance = new(HttpMethod.Get, "/fapi/v3/balance", EndpointSecurity.Signed, 5);
    public static readonly BinanceEndpoint Account = new(HttpMethod.Get, "/fapi/v3/account", EndpointSecurity.Signed, 5);
    public static readonly BinanceEndpoint PositionRisk = new(HttpMethod.Get, "/fapi/v3/positionRisk", EndpointSecurity.Signed, 5);
    public static readonly BinanceEndpoint CommissionRate = new(HttpMethod.Get, "/fapi/v1/commissionRate", EndpointSecurity.Signed, 20);
    public static readonly BinanceEndpoint Leverage = new(HttpMethod.Post, "/fapi/v1/leverage", EndpointSecurity.Signed, 1);
    public static readonly BinanceEndpoint MarginType = new(HttpMethod.Post, "/fapi/v1/marginType", EndpointSecurity.Signed, 1);
    public static readonly BinanceEndpoint PositionMode = new(HttpMethod.Post, "/fapi/v1/positionSide/dual", EndpointSecurity.Signed, 1);

    public static readonly BinanceEndpoint NewOrder = new(HttpMethod.Post, "/fapi/v1/order", EndpointSecurity.Signed, 0, IsOrder: true);
    public static readonly BinanceEndpoint QueryOrder = new(HttpMethod.Get, "/fapi/v1/order", EndpointSecurity.Signed, 1);
    public static readonly BinanceEndpoint CancelOrder = new(HttpMethod.Delete, "/fapi/v1/order", EndpointSecurity.Signed, 1);
    public static readonly BinanceEndpoint OpenOrders = new(HttpMethod.Get, "/fapi/v1/openOrders", EndpointSecurity.Signed, 1);
    public static readonly BinanceEndpoint CancelAllOpenOrders = new(HttpMethod.Delete, "/fapi/v1/allOpenOrders", EndpointSecurity.Signed, 1);

    public static readonly BinanceEndpoint NewAlgoOrder = new(HttpMethod.Post, "/fapi/v1/algoOrder", EndpointSecurity.Signed, 0, IsOrder: true);
    public static readonly BinanceEndpoint QueryAlgoOrder = new(HttpMethod.Get, "/fapi/v1/algoOrder", EndpointSecurity.Signed, 1);
    public static readonly BinanceEndpoint CancelAlgoOrder = new(HttpMethod.Delete, "/fapi/v1/algoOrder", EndpointSecurity.Signed, 1);
    public static readonly BinanceEndpoint OpenAlgoOrders = new(HttpMethod.Get, "/fapi/v1/openAlgoOrders", EndpointSecurity.Signed, 1);
    public static readonly BinanceEndpoint AllAlgoOrders = new(HttpMethod.Get, "/fapi/v1/allAlgoOrders", EndpointSecurity.Signed, 5);
    public static readonly BinanceEndpoint CancelAllAlgoOrders = new(HttpMethod.Delete, "/fapi/v1/algoOpenOrders", EndpointSecurity.Signed, 1);

    public static readonly BinanceEndpoint ListenKeyCreate = new(HttpMethod.Post, "/fapi/v1/listenKey", EndpointSecurity.ApiKey, 1);
    public static readonly BinanceEndpoint ListenKeyKeepAlive = new(HttpMethod.Put, "/fapi/v1/listenKey", EndpointSecurity.ApiKey, 1);
    public static readonly BinanceEndpoint ListenKeyDelete = new(HttpMethod.Delete, "/fapi/v1/listenKey", EndpointSecurity.ApiKey, 1);

    /// <summary>Klines weight by limit: [1,100)=1, [100,500)=2, [500,1000]=5, &gt;1000=10.</summary>
    public static int KlinesWeight(int limit) => limit switch
    {
        < 100 => 1,
        < 500 => 2,
        <= 1000 => 5,
        _ => 10,
    };

    /// <summary>Open-order lists cost 40 without a symbol.</summary>
    public static int OpenOrdersWeight(string? symbol) => symbol is null ? 40 : 1;
}
