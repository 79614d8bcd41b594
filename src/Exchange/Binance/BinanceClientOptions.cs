namespace TradingBot.Exchange.Binance;

/// <summary>How the user stream attaches its listen key.</summary>
public enum UserStreamConnectMode
{
    /// <summary>Connect to <c>/private/stream</c> and send SUBSCRIBE with the listen key (Binance.Net / official SDK style).</summary>
    Subscribe,

    /// <summary>Connect to <c>/private/ws/&lt;listenKey&gt;</c>.</summary>
    Path,
}

/// <summary>Settings of <see cref="BinanceFuturesClient"/>. Defaults follow the research note; shorten timers in tests.</summary>
public sealed record BinanceClientOptions
{
    /// <summary>Where to connect.</summary>
    public required BinanceEnvironment Environment { get; init; }

    /// <summary>API key (X-MBX-APIKEY). Empty = public endpoints only.</summary>
    public string ApiKey { get; init; } = "";

    /// <summary>API secret for HMAC-SHA256 signing.</summary>
    public string ApiSecret { get; init; } = "";

    /// <summary>recvWindow sent with signed requests (≤ 60 s; Binance advises ≤ 5 s).</summary>
    public TimeSpan RecvWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Re-measure the server clock offset this often.</summary>
    public TimeSpan TimeSyncInterval { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Refresh cached exchangeInfo this often.</summary>
    public TimeSpan ExchangeInfoRefreshInterval { get; init; } = TimeSpan.FromHours(4);

    /// <summary>
    /// Keeps a pooled REST connection open: after this long without any request, a GET /fapi/v1/ping (weight 1) is
    /// sent, so an entry after a quiet hour does not pay a new TCP + TLS handshake. <see cref="TimeSpan.Zero"/> = off.
    /// </summary>
    public TimeSpan KeepWarmInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Per-request HTTP timeout (a timeout on an order call is an unknown outcome).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an unknown order outcome is reconciled by querying the client id.</summary>
    public TimeSpan LostResponseGracePeriod { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>First delay between reconciliation queries (doubles, capped at 2 s).</summary>
    public TimeSpan LostResponseInitialDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>When a 429/418 carries no usable Retry-After, wait until the next minute boundary (Binance.Net behaviour).</summary>
    public bool WaitForNextMinuteWithoutRetryAfter { get; init; } = true;

    /// <summary>Client-side weight budget per minute (Binance default 2400). Requests wait when it would be exceeded.</summary>
    public int WeightLimitPerMinute { get; init; } = 2400;

    /// <summary>listenKey keep-alive period.</summary>
    public TimeSpan ListenKeyKeepAliveInterval { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>User stream connect form.</summary>
    public UserStreamConnectMode UserStreamMode { get; init; } = UserStreamConnectMode.Subscribe;

    /// <summary>Proactive reconnect before Binance's 24 h cut.</summary>
    public TimeSpan StreamRotationInterval { get; init; } = TimeSpan.FromHours(23);

    /// <summary>Reconnect when nothing was received for this long (market streams tick every ≤ 3 s).</summary>
    public TimeSpan MarketSilenceTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>User streams can be quiet for long; only the ping/pong layer and rotation guard them unless set.</summary>
    public TimeSpan? UserSilenceTimeout { get; init; }

    /// <summary>Client-sent WebSocket keep-alive ping interval (the client always answers server pings).</summary>
    public TimeSpan WebSocketKeepAliveInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>First reconnect back-off (doubles per attempt, with jitter).</summary>
    public TimeSpan ReconnectInitialDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Upper bound between reconnect attempts (never more than 30 s).</summary>
    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Frames larger than this are discarded and counted.</summary>
    public int MaxMessageBytes { get; init; } = 1 << 20;

    /// <summary>Seed for reconnect jitter (tests); null = random.</summary>
    public int? JitterSeed { get; init; }
}
