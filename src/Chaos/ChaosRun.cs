using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using TradingBot.Chaos.Alerts;
using TradingBot.Chaos.Exchange;
using TradingBot.Chaos.Faults;
using TradingBot.Chaos.Invariants;
using TradingBot.Chaos.Process;
using TradingBot.Chaos.Report;
using TradingBot.Exchange.Simulator.Faults;
using TradingBot.Exchange.Simulator.Hosting;

namespace TradingBot.Chaos;

/// <summary>
/// The chaos orchestrator: hosts the loopback simulator in-process, runs the silo as a child process against it,
/// drives simulated time step by step, injects the seeded faults, kills and restarts the silo, and checks the
/// invariants after every step. Violations are collected into the report, never thrown.
/// </summary>
public sealed class ChaosRun
{
    private readonly ChaosOptions _options;
    private readonly List<InvariantViolation> _violations = [];
    private readonly Dictionary<FaultKind, int> _scheduled = [];
    private readonly ConcurrentDictionary<string, long> _kills = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<DateTimeOffset> _killTimes = new();
    private readonly List<double> _reconnects = [];
    private readonly List<double> _restarts = [];
    private readonly List<double> _latencies = [];
    private readonly List<MemorySample> _memory = [];
    private readonly List<(double Errors, double Calls)> _handlerRates = [];
    private readonly Stopwatch _wall = new();
    private SimulatorInstance _simulator = null!;
    private WebhookReceiver _webhook = null!;
    private ExchangeTruth _truth = null!;
    private StepInvariants _invariants = null!;
    private FaultSchedule _schedule = null!;
    private SiloLaunch _launch = null!;
    private volatile SiloProcess? _silo;
    private (int Life, SiloMetrics Client)? _metrics;
    private int _armedKills;
    private long _orderRequests;
    private long _ordersAccepted;
    private long _step;
    private long _readySinceMs;
    private int _life;
    private FaultWindow? _skew;
    private FaultWindow? _duplicates;
    private FaultWindow? _reordering;
    private FaultWindow? _outage;
    private long _signedRequests;
    private int _readyLives;
    private int _skewWindowsHit;
    private int _redelivered;
    private long _outboxRows;
    private long _journalTrades;
    private (long Filled, long Failed) _entryIntents;
    private IReadOnlyDictionary<string, int> _deadLetters = new Dictionary<string, int>();

    private ChaosRun(ChaosOptions options) => _options = options;

    /// <summary>Only for this run's loopback silo (its dashboard serves the grain metrics behind a login).</summary>
    private static string DashboardPassword => "chaos-run-metrics-only";

    /// <summary>Runs the whole scenario and returns its report (violations included; never throws for them).</summary>
    public static Task<ChaosReport> RunAsync(ChaosOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Days <= 0 || options.Step <= TimeSpan.Zero || options.MemorySampleEvery <= 0)
        {
            throw new ArgumentException("Days, Step and MemorySampleEvery must be positive.", nameof(options));
        }

        if (!File.Exists(options.CandlesPath) && !Directory.Exists(options.CandlesPath))
        {
            throw new FileNotFoundException($"No candle data at {options.CandlesPath}.", options.CandlesPath);
        }

        if (!File.Exists(options.SiloAssembly))
        {
            throw new FileNotFoundException($"The silo assembly {options.SiloAssembly} does not exist; build src/Silo first.", options.SiloAssembly);
        }

        return new ChaosRun(options).ExecuteAsync(cancellationToken);
    }

    private string DataDirectory => Path.Combine(_options.WorkDirectory, "data");

    private DateTimeOffset MarketNow => _simulator.Venue.MarketNow;

    private async Task<ChaosReport> ExecuteAsync(CancellationToken cancellationToken)
    {
        _wall.Start();
        Directory.CreateDirectory(DataDirectory);
        SqliteFiles.EnsureInitialized();
        _schedule = new FaultSchedule(_options.Seed, _options.Faults);
        _simulator = await SimulatorHost.StartAsync(new SimulatorOptions
        {
            DataPaths = [_options.CandlesPath],
            Symbols = _options.Symbols,
            Speed = 0,
            Start = _options.Start,
            Port = 0,
            FaultSeed = _options.Seed,
        }, cancellationToken: cancellationToken);
        try
        {
            _webhook = await WebhookReceiver.StartAsync(unchecked(_options.Seed * 31 + 7), _options.Faults.WebhookRateLimitProbability, _options.Faults.WebhookErrorProbability);
            try
            {
                return await RunScenarioAsync(cancellationToken);
            }
            finally
            {
                _silo?.Dispose();
                _metrics?.Client.Dispose();
                await _webhook.DisposeAsync();
            }
        }
        finally
        {
            await _simulator.DisposeAsync();
        }
    }

    private async Task<ChaosReport> RunScenarioAsync(CancellationToken cancellationToken)
    {
        var venue = _simulator.Venue;
        foreach (var symbol in _options.Symbols)
        {
            // Without replay the venue has no trade yet: the last closed candle sets the price.
            var last = venue.Klines(symbol, TimeSpan.FromMinutes(1), null, _options.Start.ToUnixTimeMilliseconds() - 1, 5)[^1];
            venue.PushPrice(symbol, last.Close);
        }

        _truth = new ExchangeTruth(venue, _simulator.ApiKey);
        _invariants = new StepInvariants(_truth, _options, _violations.Add);
        _launch = new SiloLaunch(_options.SiloAssembly, _options.WorkDirectory, DataDirectory, SiloEnvironment());
        _simulator.Faults.RequestExecuted += OnRequestExecuted;
        _simulator.Faults.RequestCompleted += OnRequestCompleted;

        _silo = SiloProcess.Start(_launch, ++_life);
        if (!await WaitReadyAsync(cancellationToken))
        {
            Violation(InvariantNames.ResumesAfterFault, "the silo did not become ready after its first start");
            return BuildReport();
        }

        _readySinceMs = venue.MarketNowMs;
        var total = _options.TotalSteps;
        for (_step = 0; _step < total && !cancellationToken.IsCancellationRequested; _step++)
        {
            await RestartIfDownAsync(cancellationToken);
            await InjectAsync(cancellationToken);
            EndWindows();

            var openBefore = _truth.OpenPositions().Select(p => p.Symbol).ToHashSet(StringComparer.Ordinal);
            var target = _options.Start + (_options.Step * (_step + 1));
            venue.AdvanceMarketTo(target);
            var advanced = Stopwatch.GetTimestamp();
            if (openBefore.Count > 0 && IsArmed(FaultKind.KillAfterExitFill) && _truth.OpenPositions().Count(p => openBefore.Contains(p.Symbol)) < openBefore.Count)
            {
                FireKill(FaultKind.KillAfterExitFill);
            }

            await WaitForCandleAsync(target - TimeSpan.FromMinutes(1), advanced, cancellationToken);
            await Task.Delay(_options.Settle, cancellationToken);
            await RestartIfDownAsync(cancellationToken);
            _invariants.Check(_step, venue.MarketNowMs, _readySinceMs);
            await ProtectAsync(cancellationToken);
            if (_step % _options.MemorySampleEvery == 0)
            {
                await SampleAsync(cancellationToken);
            }

            if (_step % 240 == 0)
            {
                _options.Log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"[chaos] step {_step}/{total} market {MarketNow:yyyy-MM-dd HH:mm} wall {_wall.Elapsed.TotalSeconds:0}s restarts {_life - 1} violations {_violations.Count}"));
            }
        }

        await FinishAsync(cancellationToken);
        return BuildReport();
    }

    private Dictionary<string, string> SiloEnvironment()
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["TRADINGBOT_Exchange__SimulatorUrl"] = _simulator.RestBaseUrl.ToString().TrimEnd('/'),
            ["TRADINGBOT_Silo__LogDirectory"] = Path.Combine(_options.WorkDirectory, "logs"),
            ["TRADINGBOT_Trading__ProtectionCheckInterval"] = "00:00:01",
            ["TRADINGBOT_Trading__Risk__DailyLossLimit"] = _options.DailyLossLimit.ToString(CultureInfo.InvariantCulture),
            ["TRADINGBOT_Trading__Risk__RiskPerTrade"] = _options.RiskPerTrade.ToString(CultureInfo.InvariantCulture),
            ["DISCORD_WEBHOOK_URL"] = _webhook.Url.ToString(),
            ["TRADINGBOT_Alerts__DiscordWebhookUrl"] = _webhook.Url.ToString(),
            ["TRADINGBOT_Alerts__InitialBackoff"] = "00:00:00.200",
            ["TRADINGBOT_Alerts__MaxBackoff"] = "00:00:02",
            ["TRADINGBOT_Alerts__PollInterval"] = "00:00:00.500",
            ["DOTNET_gcServer"] = "0",
            ["DASHBOARD_PASSWORD_HASH"] = new Microsoft.AspNetCore.Identity.PasswordHasher<object>().HashPassword(new object(), DashboardPassword),
        };
        // Symbols: the silo's defaults must equal ChaosOptions.Symbols (TRADINGBOT_Trading__Symbols__N appends to the
        // default array instead of replacing it; see the report).
        foreach (var (key, value) in _options.SiloSettings)
        {
            env[key] = value;
        }

        return env;
    }

    // ---- faults -------------------------------------------------------------------------------------------------

    private async Task InjectAsync(CancellationToken cancellationToken)
    {
        if (_schedule.Next() is not { } kind)
        {
            return;
        }

        _scheduled[kind] = _scheduled.GetValueOrDefault(kind) + 1;
        var faults = _simulator.Faults;
        switch (kind)
        {
            case FaultKind.MarketSocketDrop:
                await MeasureReconnectAsync("market", () => faults.DropSockets("market"), MarketSubscribed, cancellationToken);
                break;
            case FaultKind.UserSocketDrop:
                await MeasureReconnectAsync("private", () => faults.DropSockets("private"), UserSubscribed, cancellationToken);
                break;
            case FaultKind.ListenKeyExpiry:
                await MeasureReconnectAsync("listenKey", faults.ExpireListenKeys, UserSubscribed, cancellationToken);
                break;
            case FaultKind.Rest503:
                ChooseRequestFilter(faults);
                faults.UnknownErrorAfterExecuting(_schedule.Between(1, 2));
                break;
            case FaultKind.Rest1007:
                ChooseRequestFilter(faults);
                faults.TimeoutAfterExecuting(_schedule.Between(1, 2));
                break;
            case FaultKind.RestLostResponse:
                ChooseRequestFilter(faults);
                faults.DropRepliesAfterExecuting(_schedule.Between(1, 2));
                break;
            case FaultKind.RateLimitBurst:
                ChooseRequestFilter(faults);
                faults.RateLimitBurst(_schedule.Between(1, 3));
                break;
            case FaultKind.ClockSkew:
                var magnitude = _schedule.Between(1500, 4000);
                faults.ClockSkew = TimeSpan.FromMilliseconds(_schedule.Chance(0.5) ? magnitude : -magnitude);
                _skew ??= Open(() => Interlocked.Read(ref _signedRequests));
                break;
            case FaultKind.DuplicateUserEvents:
                faults.DuplicateEventProbability = _options.Faults.EventFaultProbability;
                _duplicates ??= Open(() => faults.Statistics.DuplicatedEvents);
                break;
            case FaultKind.ReorderUserEvents:
                faults.ReorderEventProbability = _options.Faults.EventFaultProbability;
                _reordering ??= Open(() => faults.Statistics.ReorderedEvents);
                break;
            case FaultKind.AlertWebhookOutage:
                _webhook.Outage = true;
                _outage ??= Open(() => _webhook.Refused);
                break;
            case FaultKind.KillAtRandom:
                FireKill(kind, force: true);
                break;
            default:
                Arm(kind);
                break;
        }
    }

    private FaultWindow Open(Func<long> hits) =>
        new(_step, _step + _schedule.Between(_options.Faults.MinWindowSteps, _options.Faults.MaxWindowSteps), hits(), hits);

    private void ChooseRequestFilter(FaultPlan faults)
    {
        // Half the time only order-changing requests, so the order paths get their share of unknown outcomes.
        faults.OnlyPath = null;
        faults.OnlyMethod = _schedule.Chance(0.5) ? "POST" : null;
    }

    /// <summary>Closes windows that lasted their length and hit the bot at least once (or lasted ten times as long).</summary>
    private void EndWindows()
    {
        var faults = _simulator.Faults;
        var cap = _options.Faults.MaxWindowSteps * 10L;
        if (_skew?.IsOver(_step, cap) == true)
        {
            faults.ClockSkew = TimeSpan.Zero;
            _skewWindowsHit += _skew.Hit ? 1 : 0;
            _skew = null;
        }

        if (_duplicates?.IsOver(_step, cap) == true)
        {
            faults.DuplicateEventProbability = 0;
            _duplicates = null;
        }

        if (_reordering?.IsOver(_step, cap) == true)
        {
            faults.ReorderEventProbability = 0;
            _reordering = null;
        }

        if (_outage?.IsOver(_step, cap) == true)
        {
            _webhook.Outage = false;
            _outage = null;
        }
    }

    private static int Bit(FaultKind kind) => 1 << (int)kind;

    /// <summary>A kill moment stays armed until it happens (several moments can be armed at once).</summary>
    private void Arm(FaultKind kind)
    {
        int current;
        do
        {
            current = Volatile.Read(ref _armedKills);
        }
        while (Interlocked.CompareExchange(ref _armedKills, current | Bit(kind), current) != current);
    }

    private bool IsArmed(FaultKind kind) => (Volatile.Read(ref _armedKills) & Bit(kind)) != 0;

    /// <summary>Disarms <paramref name="kind"/>; true when it was armed (exactly one caller wins).</summary>
    private bool Disarm(FaultKind kind)
    {
        int current;
        do
        {
            current = Volatile.Read(ref _armedKills);
            if ((current & Bit(kind)) == 0)
            {
                return false;
            }
        }
        while (Interlocked.CompareExchange(ref _armedKills, current & ~Bit(kind), current) != current);
        return true;
    }

    /// <summary>SIGKILL now (from the step loop or from the simulator's request thread), if armed for this moment.</summary>
    private void FireKill(FaultKind moment, bool force = false)
    {
        var silo = _silo;
        try
        {
            if (silo is null || silo.HasExited || (!force && !Disarm(moment)))
            {
                return;
            }
        }
        catch (InvalidOperationException)
        {
            // Disposed between our read and the check: that life is over anyway.
            return;
        }

        silo.Kill();
        _killTimes.Enqueue(DateTimeOffset.UtcNow);
        _kills.AddOrUpdate("kill -9 " + moment, 1, (_, n) => n + 1);
    }

    private void OnRequestExecuted(RequestObservation request)
    {
        if (!request.IsOrderPlacement)
        {
            return;
        }

        if (request.Path == "/fapi/v1/order" && StepInvariants.EntrySignal(request.Parameter("newClientOrderId") ?? "") is not null)
        {
            FireKill(FaultKind.KillOnEntryReceived);
        }
        else if (request.Path == "/fapi/v1/algoOrder")
        {
            FireKill(FaultKind.KillWhileProtecting);
        }
    }

    private void OnRequestCompleted(RequestObservation request)
    {
        if (request.Parameter("signature") is not null)
        {
            Interlocked.Increment(ref _signedRequests);
        }

        if (!request.IsOrderPlacement)
        {
            return;
        }

        Interlocked.Increment(ref _orderRequests);
        if (request.Executed)
        {
            Interlocked.Increment(ref _ordersAccepted);
        }
    }

    // ---- silo lives ---------------------------------------------------------------------------------------------

    private async Task RestartIfDownAsync(CancellationToken cancellationToken)
    {
        var silo = _silo;
        while (silo is not null && silo.HasExited && !cancellationToken.IsCancellationRequested)
        {
            if (!silo.WasKilled)
            {
                Violation(InvariantNames.SiloStaysUp, $"silo life {silo.Life} exited on its own (see console-{silo.Life}.log)");
            }

            CheckIntegrity($"after life {silo.Life} ended");
            _silo = null;
            silo.Dispose();
            var started = Stopwatch.GetTimestamp();
            silo = SiloProcess.Start(_launch, ++_life);
            _silo = silo;
            if (await WaitReadyAsync(cancellationToken))
            {
                _restarts.Add(Stopwatch.GetElapsedTime(started).TotalSeconds);
                _readySinceMs = _simulator.Venue.MarketNowMs;
            }
            else if (!silo.HasExited)
            {
                Violation(InvariantNames.ResumesAfterFault, $"silo life {silo.Life} not reconciled with both streams within {_options.RestartBound.TotalSeconds:0} s of its start");
                _readySinceMs = _simulator.Venue.MarketNowMs;
                return;
            }
        }
    }

    private async Task<bool> WaitReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(deadline) < _options.RestartBound && !cancellationToken.IsCancellationRequested)
        {
            var silo = _silo;
            if (silo is null || silo.HasExited)
            {
                return false;
            }

            if (await silo.HealthAsync(cancellationToken) is { Reconciled: true } && MarketSubscribed() && UserSubscribed())
            {
                _readyLives++;
                return true;
            }

            await Task.Delay(50, cancellationToken);
        }

        return false;
    }

    private bool MarketSubscribed() => _simulator.Hub.SubscriberCount("market") > 0;

    private bool UserSubscribed() =>
        _simulator.Venue.ActiveListenKeys(_simulator.ApiKey).Any(k => _simulator.Hub.HasSubscribers("private", k));

    private async Task MeasureReconnectAsync(string what, Action inject, Func<bool> connected, CancellationToken cancellationToken)
    {
        var silo = _silo;
        if (silo is null || silo.HasExited || !connected())
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        inject();
        // The cut is asynchronous: first see it take effect (briefly), then wait for the bot to be back.
        while (connected() && Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(1))
        {
            await Task.Delay(5, cancellationToken);
        }

        while (!connected())
        {
            if (silo.HasExited)
            {
                return;
            }

            if (Stopwatch.GetElapsedTime(started) > _options.ReconnectBound)
            {
                Violation(InvariantNames.ResumesAfterFault, $"{what}: not subscribed again within {_options.ReconnectBound.TotalSeconds:0} s");
                return;
            }

            await Task.Delay(10, cancellationToken);
        }

        _reconnects.Add(Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private async Task WaitForCandleAsync(DateTimeOffset openTime, long advanced, CancellationToken cancellationToken)
    {
        var symbol = _options.Symbols[0];
        while (Stopwatch.GetElapsedTime(advanced) < _options.CandleWait)
        {
            var silo = _silo;
            if (silo is null || silo.HasExited)
            {
                return;
            }

            if ((await silo.HealthAsync(cancellationToken))?.LastClosed(symbol) >= openTime)
            {
                _latencies.Add(Stopwatch.GetElapsedTime(advanced).TotalMilliseconds);
                return;
            }

            // Each poll is a grain call in the silo too: 5 ms keeps the measurement fine without loading the bot.
            await Task.Delay(5, cancellationToken);
        }
    }

    /// <summary>
    /// While a position lacks its stop or target: give the bot one real second per simulated second, up to the bound
    /// (plus a margin to measure how late it was).
    /// </summary>
    private async Task ProtectAsync(CancellationToken cancellationToken)
    {
        var venue = _simulator.Venue;
        var extra = 0;
        while (_invariants.AnyUnprotected(out _) && extra <= (int)_options.ProtectionBound.TotalSeconds + 5)
        {
            var waitStarted = Stopwatch.GetTimestamp();
            while (Stopwatch.GetElapsedTime(waitStarted) < TimeSpan.FromSeconds(1) && _invariants.AnyUnprotected(out _))
            {
                if (_silo?.HasExited != false)
                {
                    await RestartIfDownAsync(cancellationToken);
                    waitStarted = Stopwatch.GetTimestamp();
                }

                await Task.Delay(20, cancellationToken);
            }

            if (!_invariants.AnyUnprotected(out _))
            {
                break;
            }

            venue.AdvanceMarketTo(venue.MarketNow + TimeSpan.FromSeconds(1));
            extra++;
            _invariants.Check(_step, venue.MarketNowMs, _readySinceMs);
        }

        _invariants.Check(_step, venue.MarketNowMs, _readySinceMs);
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        var silo = _silo;
        if (silo is null || silo.HasExited)
        {
            return;
        }

        if (silo.ResidentBytes() is { } rss)
        {
            _memory.Add(new MemorySample(silo.Life, _step, MarketNow, _wall.Elapsed.TotalSeconds, rss));
        }

        if (_metrics?.Life != silo.Life)
        {
            _metrics?.Client.Dispose();
            _metrics = (silo.Life, new SiloMetrics(silo.Port, DashboardPassword));
        }

        if (await _metrics.Value.Client.SampleAsync(cancellationToken) is { } rate)
        {
            _handlerRates.Add(rate);
        }
    }

    // ---- end ----------------------------------------------------------------------------------------------------

    private async Task FinishAsync(CancellationToken cancellationToken)
    {
        var faults = _simulator.Faults;
        faults.Reset();
        _webhook.Outage = false;
        Interlocked.Exchange(ref _armedKills, 0);
        await RestartIfDownAsync(cancellationToken);
        await ProtectAsync(cancellationToken);

        var audit = new FinalAudit(DataDirectory);
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < _options.DrainBound && !cancellationToken.IsCancellationRequested)
        {
            _invariants.Check(_step, _simulator.Venue.MarketNowMs, _readySinceMs);
            if (audit.JournalTrades() >= _invariants.ClosedRoundTrips && audit.PendingAlerts() == 0)
            {
                break;
            }

            await RestartIfDownAsync(cancellationToken);
            await Task.Delay(200, cancellationToken);
        }

        foreach (var problem in audit.TradeRecordProblems(_invariants.ClosedRoundTrips))
        {
            Violation(InvariantNames.NoTradeRecordLost, problem);
        }

        foreach (var problem in audit.MissingTradeAlerts())
        {
            Violation(InvariantNames.NoAlertLost, problem);
        }

        foreach (var problem in audit.MissingStartAlerts(_readyLives))
        {
            Violation(InvariantNames.StartAnnounced, problem);
        }

        var (lost, duplicated, redelivered) = audit.CompareAlerts(_webhook.Received, _killTimes.ToArray());
        lost.ForEach(p => Violation(InvariantNames.NoAlertLost, p));
        duplicated.ForEach(p => Violation(InvariantNames.NoAlertDuplicated, p));
        _redelivered = redelivered;
        _outboxRows = audit.OutboxRows();
        _journalTrades = audit.JournalTrades();
        _entryIntents = audit.EntryIntents();

        _silo?.Kill();
        CheckIntegrity("at the end");
        _deadLetters = audit.DeadLetters();
    }

    private void CheckIntegrity(string when)
    {
        foreach (var db in SqliteFiles.Databases(DataDirectory))
        {
            try
            {
                var result = SqliteFiles.IntegrityCheck(db);
                if (result != "ok")
                {
                    Violation(InvariantNames.SqliteIntegrity, $"{Path.GetFileName(db)} {when}: {result}");
                }
            }
            catch (Microsoft.Data.Sqlite.SqliteException ex)
            {
                Violation(InvariantNames.SqliteIntegrity, $"{Path.GetFileName(db)} {when}: {ex.Message}");
            }
        }
    }

    private void Violation(string invariant, string detail) =>
        _violations.Add(new InvariantViolation(invariant, detail, MarketNow, _step));

    private ChaosReport BuildReport()
    {
        var fired = new Dictionary<string, long>(_kills, StringComparer.Ordinal);
        var stats = _simulator.Faults.Statistics;
        fired["socket drops"] = stats.SocketDrops;
        fired["listenKey expiries"] = stats.ListenKeyExpiries;
        fired["REST 503 after executing"] = stats.Unknown503;
        fired["REST -1007 after executing"] = stats.Timeouts1007;
        fired["REST lost responses"] = stats.DroppedReplies;
        fired["REST 429 refusals"] = stats.RateLimited;
        fired["user events duplicated"] = stats.DuplicatedEvents;
        fired["user events reordered"] = stats.ReorderedEvents;
        fired["webhook refusals (429/500/503)"] = _webhook.Refused;
        fired["clock skew windows with signed requests"] = _skewWindowsHit;
        return new ChaosReport
        {
            Seed = _options.Seed,
            Days = _options.Days,
            Steps = _step,
            MarketStart = _options.Start,
            MarketEnd = MarketNow,
            WallTime = _wall.Elapsed,
            FaultsScheduled = new Dictionary<FaultKind, int>(_scheduled),
            FaultsFired = fired,
            Restarts = _restarts.Count,
            Violations = _violations.ToArray(),
            ReconnectSeconds = _reconnects.ToArray(),
            RestartSeconds = _restarts.ToArray(),
            OrderRequests = Interlocked.Read(ref _orderRequests),
            OrdersAccepted = Interlocked.Read(ref _ordersAccepted),
            EntryIntentsFilled = _entryIntents.Filled,
            EntryIntentsFailed = _entryIntents.Failed,
            CandleLatencyMs = _latencies.ToArray(),
            Memory = _memory.ToArray(),
            MemoryGrowthPercent = MemoryGrowth(),
            HandlerErrorRate = _handlerRates.Count == 0 || _handlerRates.Sum(r => r.Calls) <= 0 ? null : _handlerRates.Sum(r => r.Errors) / _handlerRates.Sum(r => r.Calls),
            DeadLetters = _deadLetters,
            ExchangeRoundTrips = _invariants?.ClosedRoundTrips ?? 0,
            JournalTrades = _journalTrades,
            FilledEntries = _invariants?.FilledEntries ?? 0,
            DailyLimitDays = _invariants?.LimitDays ?? 0,
            EntriesRacingDailyLimit = _invariants?.EntriesRacingTheLimit ?? 0,
            AlertsInOutbox = _outboxRows,
            AlertsReceived = _webhook.Received.Count,
            AlertsRedeliveredAfterKill = _redelivered,
            MaxUnprotected = _invariants?.MaxUnprotected ?? TimeSpan.Zero,
        };
    }

    /// <summary>Growth of the longest life's RSS: median of its last tenth vs median of the tenth right after warm-up.</summary>
    private double? MemoryGrowth()
    {
        var longest = _memory.GroupBy(m => m.Life).MaxBy(g => g.Count())?.Select(m => (double)m.ResidentBytes).ToArray();
        if (longest is null || longest.Length < 20)
        {
            return null;
        }

        var warm = (int)(longest.Length * _options.MemoryWarmup);
        var window = Math.Max(2, longest.Length / 10);
        var baseline = Median(longest.Skip(warm).Take(window));
        var end = Median(longest.TakeLast(window));
        return (end - baseline) / baseline * 100;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
