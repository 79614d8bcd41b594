namespace TradingBot.Exchange.Binance.Rest;

/// <summary>Security type of an endpoint (Binance "General Info").</summary>
internal enum EndpointSecurity
{
    /// <summary>Public.</summary>
    None,

    /// <summary>API key header, no signature (listenKey).</summary>
    ApiKey,

    /// <summary>API key header + timestamp + HMAC signature.</summary>
    Signed,
}

/// <summary>One REST endpoint, declared once: method, path, security, IP weight, whether it counts as an order.</summary>
internal sealed record BinanceEndpoint(HttpMethod Method, string Path, EndpointSecurity Security, int Weight, bool IsOrder = false);
