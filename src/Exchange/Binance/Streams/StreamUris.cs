using TradingBot.Exchange.Model;
using TradingBot.Exchange.Port;

namespace TradingBot.Exchange.Binance.Streams;

/// <summary>Stream URL building: base + optional /market or /private + the classic raw/combined forms.</summary>
internal static class StreamUris
{
    public static Uri Market(BinanceEnvironment env, MarketSubscription subscription) =>
        new(Root(env, "/market") + "/stream?streams=" + string.Join('/', MarketStreamNames(subscription)));

    public static IEnumerable<string> MarketStreamNames(MarketSubscription subscription)
    {
        foreach (var symbol in subscription.Symbols)
        {
            var s = symbol.ToLowerInvariant();
            foreach (var interval in subscription.Intervals)
            {
                yield return $"{s}@kline_{interval.ToBinance()}";
            }

            if (subscription.IncludeMarkPrice)
            {
                yield return $"{s}@markPrice";
            }
        }
    }

    public static Uri UserSubscribe(BinanceEnvironment env) => new(Root(env, "/private") + "/stream");

    public static Uri UserPath(BinanceEnvironment env, string listenKey) =>
        new(Root(env, "/private") + "/ws/" + Uri.EscapeDataString(listenKey));

    private static string Root(BinanceEnvironment env, string suffix)
    {
        var root = env.StreamBase.ToString().TrimEnd('/');
        return env.UseStreamPathSuffixes ? root + suffix : root;
    }
}
