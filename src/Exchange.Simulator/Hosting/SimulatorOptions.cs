using TradingBot.Exchange.Simulator.Matching;
using TradingBot.Exchange.Simulator.Replay;
using TradingBot.Exchange.Simulator.Server.Rest;
using TradingBot.Exchange.Simulator.Server.Streams;

namespace TradingBot.Exchange.Simulator.Hosting;

/// <summary>Everything needed to start a loopback simulator (CLI verb, paper mode, tests).</summary>
public sealed record SimulatorOptions
{
    /// <summary>Demo credentials accepted when <see cref="Accounts"/> is empty.</summary>
    public const string DemoApiKey = "sim-demo-api-key-0000000000000000000000000000000000000000000000000";

    /// <summary>Secret of <see cref="DemoApiKey"/>.</summary>
    public const string DemoSecret = "sim-demo-secret-000000000000000000000000000000000000000000000000000";

    /// <summary>Candle files or directories (CSV or CSV.gz, open_time,open,high,low,close,volume). Empty = scripted prices only.</summary>
    public IReadOnlyList<string> DataPaths { get; init; } = [];

    /// <summary>Symbols to trade (rules default per symbol; BTCUSDT/ETHUSDT have Binance-like values).</summary>
    public IReadOnlyList<string> Symbols { get; init; } = ["BTCUSDT", "ETHUSDT"];

    /// <summary>Custom symbol rules (override <see cref="Symbols"/> defaults by name).</summary>
    public IReadOnlyList<SymbolSpec> SymbolRules { get; init; } = [];

    /// <summary>Simulated seconds per real second; <see cref="double.PositiveInfinity"/> = as fast as possible; 0 = paused (drive it yourself).</summary>
    public double Speed { get; init; } = 60;

    /// <summary>First replayed bar; earlier bars are history. Null = start of the data.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>TCP port on 127.0.0.1 (0 = any free port).</summary>
    public int Port { get; init; }

    /// <summary>Accounts; empty = one demo account with <see cref="StartingBalance"/>.</summary>
    public IReadOnlyList<AccountSpec> Accounts { get; init; } = [];

    /// <summary>USDT of the demo account.</summary>
    public decimal StartingBalance { get; init; } = 10_000m;

    /// <summary>Engine tunables (fees, slippage, funding, liquidation, event ordering). Symbols are filled from <see cref="Symbols"/>.</summary>
    public EngineOptions Engine { get; init; } = new();

    /// <summary>Replay details (mark price cadence, stream intervals).</summary>
    public ReplayOptions Replay { get; init; } = new();

    /// <summary>WebSocket housekeeping.</summary>
    public StreamOptions Streams { get; init; } = new();

    /// <summary>Rate limits.</summary>
    public RateLimitOptions RateLimits { get; init; } = new();

    /// <summary>Server clock (REST time, signatures, listen keys, replay pacing). Default: system clock.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>listenKey lifetime.</summary>
    public TimeSpan ListenKeyValidity { get; init; } = TimeSpan.FromMinutes(60);

    /// <summary>Seed of the fault plan's random source.</summary>
    public int FaultSeed { get; init; } = 12345;

    /// <summary>What GET /sapi/v1/account/apiRestrictions reports for every key (default: read + futures, no withdrawals).</summary>
    public ApiKeyPermissions KeyPermissions { get; init; } = new();

    /// <summary>Serve POST /admin/faults on the same loopback port.</summary>
    public bool EnableAdminEndpoint { get; init; } = true;
}
