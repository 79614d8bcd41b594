namespace TradingBot.Chaos.Faults;

/// <summary>What the chaos run can do to the bot. Kill kinds are armed and fire at their lifecycle moment.</summary>
public enum FaultKind
{
    /// <summary>All market-data WebSocket connections cut (no close handshake).</summary>
    MarketSocketDrop,

    /// <summary>All user-data WebSocket connections cut.</summary>
    UserSocketDrop,

    /// <summary>Every listen key expires now; the venue pushes listenKeyExpired.</summary>
    ListenKeyExpiry,

    /// <summary>The next request(s) execute, then answer HTTP 503 (unknown outcome).</summary>
    Rest503,

    /// <summary>The next request(s) execute, then answer -1007 (unknown outcome).</summary>
    Rest1007,

    /// <summary>The next request(s) execute, then the connection is aborted (lost response).</summary>
    RestLostResponse,

    /// <summary>The next requests are refused with 429 / -1003 and Retry-After.</summary>
    RateLimitBurst,

    /// <summary>The server clock is shifted by up to ±3 s for a while.</summary>
    ClockSkew,

    /// <summary>User events are sometimes sent twice, for a while.</summary>
    DuplicateUserEvents,

    /// <summary>User events are sometimes held back and sent after the next one, for a while.</summary>
    ReorderUserEvents,

    /// <summary>The Discord-like webhook answers 503 to everything, for a while.</summary>
    AlertWebhookOutage,

    /// <summary>SIGKILL the moment the simulator has executed an entry order (its reply is never written).</summary>
    KillOnEntryReceived,

    /// <summary>SIGKILL right after the first protective (algo) order of a position was executed.</summary>
    KillWhileProtecting,

    /// <summary>SIGKILL right after a stop or target filled on the exchange, before the bot can record the exit.</summary>
    KillAfterExitFill,

    /// <summary>SIGKILL at an arbitrary step.</summary>
    KillAtRandom,
}
