using TradingBot.Exchange.Binance.Rest;

namespace TradingBot.Exchange.Account;

/// <summary>The few spot-host (api.binance.com) endpoints the bot calls: key permissions and the spot server time for signing.</summary>
internal static class SpotEndpoints
{
    public static readonly BinanceEndpoint ServerTime = new(HttpMethod.Get, "/api/v3/time", EndpointSecurity.None, 1);

    public static readonly BinanceEndpoint ApiRestrictions = new(HttpMethod.Get, "/sapi/v1/account/apiRestrictions", EndpointSecurity.Signed, 1);
}
