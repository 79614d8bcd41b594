using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using TradingBot.Contracts;
using TradingBot.Contracts.Events;
using TradingBot.Contracts.Grains;
using TradingBot.Dashboard.Ports;
using TradingBot.Exchange.Port;
using TradingBot.Grains.Hosting;
using TradingBot.Operations.Alerts.Formatting;
using TradingBot.Operations.Alerts.Outbox;
using TradingBot.Operations.Configuration;
using TradingBot.Runtime;
using TradingBot.Runtime.Streams;
using TradingBot.Silo.Dashboard;

namespace TradingBot.Silo.Hosting.LiveConfig;

/// <summary>
/// PRD §5.6.3 live configuration. When appsettings*.json change, the changed operational keys
/// (<see cref="LiveConfigKeys"/>) are validated with the start-up rules and applied to the running RiskGrain and
/// StrategyGrains exactly as the dashboard applies them (leverage set on the exchange first); a bad value is
/// rejected naming the key and its range, and the values in force stay. Changed core keys are reported as
/// needing a restart and not applied. Each outcome is logged, alerted and published as <see cref="ConfigChanged"/>.
/// </summary>
/// <remarks>
/// Precedence: the file and the dashboard write the same in-force values, key by key, so the last writer wins;
/// the dashboard always shows the values in force. The file's operational values last seen are kept in
/// <c>&lt;data&gt;/live-config-file.json</c>: a file edited while the bot was stopped is applied at the next start.
/// </remarks>
internal sealed partial class LiveConfigurationWatcher(
    IConfiguration files,
    ConfigFileErrors fileErrors,
    AcceptedTradingConfiguration accepted,
    IClusterClient client,
    IExchange exchange,
    LiveStrategySettings strategySettings,
    IOptionsMonitor<TradingOptions> options,
    AlertOutbox outbox,
    SiloOptions silo,
    IDashboardNotifier dashboard,
    ILogger<LiveConfigurationWatcher> logger) : IHostedService, IDisposable
{
    /// <summary>File (in the data directory) with the operational values the config files had when last looked at.</summary>
    public const string SnapshotFileName = "live-config-file.json";

    private static readonly CultureInfo s_inv = CultureInfo.InvariantCulture;
    private readonly ConfigChangeClassifier _classifier = new(LiveConfigKeys.All, ignoredPrefixes: ["Logging"]);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _pendingGate = new();
    private readonly CancellationTokenSource _stopping = new();
    private Dictionary<string, string?> _seen = [];
    private IDisposable? _registration;
    private Task _pending = Task.CompletedTask;
    private long _sequence;

    private IRiskGrain Risk => client.GetGrain<IRiskGrain>(AccountKeys.Main);

    private string SnapshotPath => Path.Combine(Path.GetFullPath(silo.DataDirectory), SnapshotFileName);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _seen = Flatten(files);
            await ApplyEditsMadeWhileStoppedAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }

        _registration = ChangeToken.OnChange(files.GetReloadToken, () =>
        {
            lock (_pendingGate)
            {
                _pending = _pending.ContinueWith(_ => ProcessReloadAsync(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            }
        });
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _registration?.Dispose();
        await _stopping.CancelAsync();
        Task pending;
        lock (_pendingGate)
        {
            pending = _pending;
        }

        await pending.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        _registration?.Dispose();
        _stopping.Dispose();
        _gate.Dispose();
    }

    private async Task ApplyEditsMadeWhileStoppedAsync(CancellationToken cancellationToken)
    {
        var current = LiveValues(_seen);
        var previous = LoadSnapshot();
        if (previous is not null)
        {
            var edited = current.Keys.Union(previous.Keys, StringComparer.OrdinalIgnoreCase)
                .Where(k => !string.Equals(current.GetValueOrDefault(k), previous.GetValueOrDefault(k), StringComparison.Ordinal))
                .ToDictionary(k => k, k => current.GetValueOrDefault(k), StringComparer.OrdinalIgnoreCase);
            if (edited.Count > 0)
            {
                LogEditedWhileStopped(string.Join(", ", edited.Keys));
                await HandleAsync(edited, [], cancellationToken);
                return;
            }
        }

        SaveSnapshot(current);
    }

    private async Task ProcessReloadAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _gate.WaitAsync();
        try
        {
            if (fileErrors.Take() is { Count: > 0 } unreadable)
            {
                // The loader dropped that file's values: keep comparing against the last good state.
                LogUnreadable(string.Join("; ", unreadable));
                Alert([], [], [.. unreadable.Select(u => u + " (file not readable)")]);
                return;
            }

            var now = Flatten(files);
            var report = _classifier.Classify(_seen, now);
            _seen = now;
            if (!report.HasChanges)
            {
                return;
            }

            var live = report.Live.ToDictionary(c => c.Key, c => c.NewValue, StringComparer.OrdinalIgnoreCase);
            var restart = report.RestartRequired.Select(c => $"{c.Key} ({c.OldValue ?? "unset"} → {c.NewValue ?? "unset"})").ToList();
            if (restart.Count > 0)
            {
                LogNeedsRestart(string.Join(", ", restart));
            }

            await HandleAsync(live, restart, _stopping.Token);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogFailed(ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Validates and applies <paramref name="changed"/> (operational keys → new file values), then reports.</summary>
    private async Task HandleAsync(Dictionary<string, string?> changed, IReadOnlyList<string> restart, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> applied = [];
        IReadOnlyList<string> rejected = [];
        if (changed.Count > 0)
        {
            (applied, rejected) = await ApplyAsync(changed, cancellationToken);
        }

        if (applied.Count > 0 || restart.Count > 0)
        {
            var keys = applied.Count > 0 ? changed.Keys.Order(StringComparer.OrdinalIgnoreCase).ToImmutableArray() : [];
            var restartKeys = restart.Select(r => r.Split(' ')[0]).ToImmutableArray();
            await client.GetStreamProvider(StreamNames.Provider)
                .GetStream<IBotEvent>(StreamId.Create(StreamNames.System, "silo"))
                .OnNextAsync(new ConfigChanged(keys, restartKeys, DateTimeOffset.UtcNow));
        }

        if (applied.Count > 0 || restart.Count > 0 || rejected.Count > 0)
        {
            Alert(applied, restart, rejected);
        }
    }

    private async Task<(IReadOnlyList<string> Applied, IReadOnlyList<string> Rejected)> ApplyAsync(Dictionary<string, string?> changed, CancellationToken cancellationToken)
    {
        var current = (await Risk.GetStatusAsync()).Parameters;
        var strategy = options.CurrentValue.Strategy;

        // The values in force (dashboard or file, whichever wrote last), with only the changed keys replaced.
        var candidateData = AcceptedTradingConfiguration.Section(accepted.Root);
        candidateData[LiveConfigKeys.RiskPerTrade] = current.RiskPerTrade.ToString(s_inv);
        candidateData[LiveConfigKeys.Leverage] = current.Leverage.ToString(s_inv);
        candidateData[LiveConfigKeys.DailyLossLimit] = current.DailyLossLimit.ToString(s_inv);
        candidateData[LiveConfigKeys.CloseOnDailyLimit] = current.CloseOnDailyLimit.ToString(s_inv);
        candidateData[LiveConfigKeys.MinRewardToRisk] = current.MinRewardToRisk.ToString(s_inv);
        candidateData[LiveConfigKeys.MaxOpenPositions] = current.MaxOpenPositions.ToString(s_inv);
        candidateData[LiveConfigKeys.StopTolerance] = strategy.StopTolerance.ToString(s_inv);
        candidateData[LiveConfigKeys.TakeProfitAdjustment] = strategy.TakeProfitAdjustment.ToString(s_inv);
        foreach (var (key, value) in changed)
        {
            if (value is null)
            {
                candidateData.Remove(key);
            }
            else
            {
                candidateData[key] = value;
            }
        }

        TradingOptions candidate;
        try
        {
            candidate = TradingOptionsBinding.Read(new ConfigurationBuilder().AddInMemoryCollection(candidateData).Build());
        }
        catch (InvalidOperationException ex)
        {
            return Reject([ex.Message]);
        }

        if (TradingOptionsValidator.Validate(candidate) is { Count: > 0 } errors)
        {
            return Reject(errors);
        }

        var risk = new RiskParameters(candidate.Risk.RiskPerTrade, candidate.Risk.Leverage, candidate.Risk.DailyLossLimit,
            candidate.Risk.CloseOnDailyLimit, candidate.Risk.MinRewardToRisk, candidate.Risk.MaxOpenPositions);
        if (risk.Leverage != current.Leverage && await SetLeverageAsync(risk.Leverage, current.Leverage, candidate.Symbols, cancellationToken) is { } refused)
        {
            return Reject([refused]);
        }

        if (risk != current)
        {
            await Risk.UpdateSettingsAsync(risk);
        }

        var strategyOverride = new StrategyOverride(candidate.Strategy.StopTolerance, candidate.Strategy.TakeProfitAdjustment);
        if (strategyOverride.StopTolerance != strategy.StopTolerance || strategyOverride.TakeProfitAdjustment != strategy.TakeProfitAdjustment)
        {
            strategySettings.Set(strategyOverride);
        }

        accepted.Apply(changed);
        SaveSnapshot(LiveValues(_seen));
        dashboard.Changed(DashboardTopic.Parameters);
        var applied = changed.Keys.Order(StringComparer.OrdinalIgnoreCase).Select(k => $"{k} = {candidateData.GetValueOrDefault(k) ?? "default"}").ToList();
        LogApplied(string.Join(", ", applied));
        return (applied, []);

        (IReadOnlyList<string>, IReadOnlyList<string>) Reject(IReadOnlyList<string> reasons)
        {
            LogRejected(string.Join(" ", reasons));
            return ([], reasons);
        }
    }

    /// <summary>Sets the leverage on every symbol, all or nothing (as the dashboard does); the refusal as a message.</summary>
    private async Task<string?> SetLeverageAsync(int leverage, int previous, IReadOnlyList<string> symbols, CancellationToken cancellationToken) =>
        await LeverageRollout.ApplyAsync(exchange, symbols, leverage, previous, cancellationToken) is { } refused
            ? $"{LiveConfigKeys.Leverage} = {leverage}: the exchange refused it for {refused.Symbol} ({refused.Error.Message}); allowed range 1–20 and the symbol's bracket"
            : null;

    private void Alert(IReadOnlyList<string> applied, IReadOnlyList<string> restart, IReadOnlyList<string> rejected)
    {
        var now = DateTimeOffset.UtcNow;
        var id = $"config:{now.ToUnixTimeMilliseconds()}:{Interlocked.Increment(ref _sequence)}";
        outbox.Enqueue(AlertFactory.ConfigChanged(id, now, new ConfigChangedAlertData(applied, restart, rejected)));
    }

    private static Dictionary<string, string?> Flatten(IConfiguration configuration)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (value is not null)
            {
                values[key] = value;
            }
        }

        return values;
    }

    private static Dictionary<string, string?> LiveValues(Dictionary<string, string?> all) =>
        LiveConfigKeys.All.Where(all.ContainsKey).ToDictionary(k => k, k => all[k], StringComparer.OrdinalIgnoreCase);

    private Dictionary<string, string?>? LoadSnapshot()
    {
        try
        {
            return File.Exists(SnapshotPath)
                ? JsonSerializer.Deserialize<Dictionary<string, string?>>(File.ReadAllText(SnapshotPath)) is { } stored
                    ? new Dictionary<string, string?>(stored, StringComparer.OrdinalIgnoreCase)
                    : null
                : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException)
        {
            // Unknown history: the files' values are taken as already applied.
            return null;
        }
    }

    private void SaveSnapshot(Dictionary<string, string?> values)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(SnapshotPath)!);
        File.WriteAllText(SnapshotPath, JsonSerializer.Serialize(values));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Configuration: operational parameters applied live: {Applied}")]
    private partial void LogApplied(string applied);

    [LoggerMessage(Level = LogLevel.Error, Message = "Configuration change rejected, the previous values stay in force: {Reasons}")]
    private partial void LogRejected(string reasons);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Configuration: these changes need a restart and are not applied: {Keys}")]
    private partial void LogNeedsRestart(string keys);

    [LoggerMessage(Level = LogLevel.Error, Message = "Configuration file could not be read, the previous values stay in force: {Errors}")]
    private partial void LogUnreadable(string errors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Configuration: operational keys edited while the bot was stopped, applying: {Keys}")]
    private partial void LogEditedWhileStopped(string keys);

    [LoggerMessage(Level = LogLevel.Error, Message = "Configuration reload failed")]
    private partial void LogFailed(Exception exception);
}
