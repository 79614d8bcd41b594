using TradingBot.Chaos.Faults;

namespace TradingBot.Chaos;

/// <summary>
/// One chaos run. Everything random derives from <see cref="Seed"/>.
/// </summary>
/// <remarks>
/// <para><b>Simulated time</b> is the simulator venue's market time (<c>SimulatedExchange.MarketNow</c>): the replayed
/// candle clock the matching engine, klines, mark prices and the bot's grains run on. The orchestrator is its only
/// driver. Normally it advances in <see cref="Step"/>s (one 1m candle close per symbol per step) as fast as the bot
/// digests them. While some open position lacks its stop or target it advances in 1-second steps and lets at least
/// one real second pass per step (simulated time runs no faster than real time), so "protected within
/// <see cref="ProtectionBound"/> of simulated time" is also a real-time bound the bot must meet. While the silo is down
/// or starting, simulated time does not pass at all. A position's protection clock starts when the orchestrator first
/// sees it (the end of the step in which it filled) or when the current silo life became ready, whichever is later.</para>
/// </remarks>
public sealed record ChaosOptions
{
    public int Seed { get; init; } = 42;

    /// <summary>Simulated days to run (fractions allowed).</summary>
    public double Days { get; init; } = 1;

    /// <summary>First replayed minute; earlier candles are the bot's history (needs 500 h of 1h bars before it).</summary>
    public DateTimeOffset Start { get; init; } = new(2025, 5, 27, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Candle files or folder for the simulator (e.g. the silo's bundled candles folder).</summary>
    public required string CandlesPath { get; init; }

    /// <summary>trading-bot.dll of the silo to run as a child process.</summary>
    public required string SiloAssembly { get; init; }

    /// <summary>Working folder (data, logs, console output); created when missing.</summary>
    public required string WorkDirectory { get; init; }

    /// <summary>Symbols the simulator lists; must equal the silo's configured symbols (its defaults: BTCUSDT, ETHUSDT).</summary>
    public IReadOnlyList<string> Symbols { get; init; } = ["BTCUSDT", "ETHUSDT"];

    public FaultProfile Faults { get; init; } = FaultProfile.Default;

    /// <summary>Market time per normal step.</summary>
    public TimeSpan Step { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Longest real wait for the silo to report a step's closed candle before moving on.</summary>
    public TimeSpan CandleWait { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Real time given to the bot after it saw a candle, for its signal → order chain to run.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>An open position must have a stop and a target within this much simulated time.</summary>
    public TimeSpan ProtectionBound { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A dropped stream must be back within this much real time.</summary>
    public TimeSpan ReconnectBound { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A restarted silo must be reconciled within this much real time.</summary>
    public TimeSpan RestartBound { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Real time allowed at the end for the journal and the alert outbox to catch up.</summary>
    public TimeSpan DrainBound { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The bot's daily loss limit (fraction of the day's starting wallet), passed to the silo.</summary>
    public decimal DailyLossLimit { get; init; } = 0.06m;

    /// <summary>The bot's risk per trade, passed to the silo.</summary>
    public decimal RiskPerTrade { get; init; } = 0.02m;

    /// <summary>Slack on the exchange-side daily loss computation (funding, rounding).</summary>
    public decimal DailyLimitTolerance { get; init; } = 0.05m;

    /// <summary>Sample the child's VmRSS every this many steps.</summary>
    public int MemorySampleEvery { get; init; } = 30;

    /// <summary>Fraction of the longest silo life treated as warm-up for the memory-growth figure.</summary>
    public double MemoryWarmup { get; init; } = 0.25;

    /// <summary>Extra TRADINGBOT_* settings for the silo.</summary>
    public IReadOnlyDictionary<string, string> SiloSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>Progress lines (null = silent).</summary>
    public Action<string>? Log { get; init; }

    /// <summary>Steps of the whole run.</summary>
    public long TotalSteps => (long)Math.Ceiling(TimeSpan.FromDays(Days) / Step);
}
