using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TradingBot.Contracts;
using TradingBot.Contracts.Events;
using TradingBot.Contracts.Grains;
using TradingBot.Dashboard.Ports;
using TradingBot.Dashboard.Ports.Control;
using TradingBot.Exchange.Port;
using TradingBot.Grains.Hosting;
using TradingBot.Runtime;
using TradingBot.Runtime.Streams;
using TradingBot.Silo.Hosting;

namespace TradingBot.Silo.Dashboard;

/// <summary>
/// The dashboard's write side over the real grains. Stop pauses trading (every strategy off, entries
/// blocked; open positions keep their stop and target); Start resumes it (clears an emergency stop,
/// allows entries, switches back on the strategies that were on before Stop). Close-all is the
/// RiskGrain's emergency stop. Parameters go to the RiskGrain and to <see cref="LiveStrategySettings"/>.
/// </summary>
internal sealed partial class BotControl(
    IClusterClient client,
    IExchange exchange,
    IOptionsMonitor<TradingOptions> options,
    LiveStrategySettings strategySettings,
    TradingDashboardSource source,
    IDashboardNotifier notifier,
    SiloOptions silo,
    ILogger<BotControl> logger) : IBotControl
{
    /// <summary>Who the grains log as the actor; the dashboard's audit log records the session.</summary>
    public const string Actor = "dashboard";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyList<string> _pausedStrategies = [];

    private IRiskGrain Risk => client.GetGrain<IRiskGrain>(AccountKeys.Main);

    public async ValueTask<ControlResult> StartAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var risk = await Risk.GetStatusAsync();
            var enabled = await EnabledStrategiesAsync();
            if (TradingDashboardSource.IsRunning(risk, enabled.Count) && risk.EntriesAllowed)
            {
                return ControlResult.Refused("already running");
            }

            if (risk.EmergencyStopped)
            {
                await Risk.ResetEmergencyAsync(Actor);
            }

            await Risk.SetEntriesAllowedAsync(true, Actor);
            var resume = enabled.Count > 0 ? enabled : _pausedStrategies.Count > 0 ? _pausedStrategies : options.CurrentValue.Strategies;
            foreach (var strategy in resume)
            {
                await client.GetGrain<IStrategyGrain>(strategy).SetEnabledAsync(true);
            }

            _pausedStrategies = [];
            LogStarted(string.Join(",", resume));
            await PushAsync(cancellationToken);
            var after = await Risk.GetStatusAsync();
            return ControlResult.Done($"started: strategies {string.Join(", ", resume)} on" + (after.EntriesAllowed ? "; entries allowed" : "; " + DashboardViews.StatusMessage(after, resume.Count)));
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask<ControlResult> StopAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var risk = await Risk.GetStatusAsync();
            var enabled = await EnabledStrategiesAsync();
            if (!TradingDashboardSource.IsRunning(risk, enabled.Count))
            {
                return ControlResult.Refused("already stopped");
            }

            await Risk.SetEntriesAllowedAsync(false, Actor);
            foreach (var strategy in enabled)
            {
                await client.GetGrain<IStrategyGrain>(strategy).SetEnabledAsync(false);
            }

            _pausedStrategies = enabled;
            LogStopped(string.Join(",", enabled));
            await PushAsync(cancellationToken);
            return ControlResult.Done("stopped: strategies off, entries blocked; open positions keep their stop-loss and take-profit");
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask<ControlResult> CloseAllPositionsAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var closed = await Risk.EmergencyStopAsync(Actor);
            source.InvalidateAccount();
            await PushAsync(cancellationToken);
            return ControlResult.Done($"closed {closed} position(s); entries blocked");
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask<ControlResult> SetEntriesAllowedAsync(bool allowed, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var risk = await Risk.GetStatusAsync();
            var cleared = allowed && risk.EmergencyStopped;
            if (cleared)
            {
                // Allowing entries is the operator's explicit intent to trade again after a close-all.
                await Risk.ResetEmergencyAsync(Actor);
            }

            await Risk.SetEntriesAllowedAsync(allowed, Actor);
            await PushAsync(cancellationToken);
            if (!allowed)
            {
                return ControlResult.Done("entries blocked");
            }

            var after = await Risk.GetStatusAsync();
            var note = after.EntriesAllowed ? "" : " (" + DashboardViews.StatusMessage(after, 1) + ")";
            return ControlResult.Done((cleared ? "entries allowed; emergency stop cleared" : "entries allowed") + note);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask<ControlResult> SetStrategyEnabledAsync(string strategy, bool enabled, CancellationToken cancellationToken)
    {
        if (!options.CurrentValue.Strategies.Contains(strategy, StringComparer.Ordinal))
        {
            return ControlResult.Refused($"strategy {strategy} is not configured");
        }

        await client.GetGrain<IStrategyGrain>(strategy).SetEnabledAsync(enabled);
        notifier.Changed(DashboardTopic.Strategies);
        await PushAsync(cancellationToken);
        return ControlResult.Done($"strategy {strategy} {(enabled ? "enabled" : "disabled")}");
    }

    public async ValueTask<ParameterSetView> GetParametersAsync(CancellationToken cancellationToken)
    {
        var risk = await Risk.GetStatusAsync();
        return Parameters(risk.Parameters);
    }

    public async ValueTask<ParameterUpdateResult> SetOperationalParametersAsync(IReadOnlyDictionary<string, decimal> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var current = (await Risk.GetStatusAsync()).Parameters;
            var (risk, strategy, errors) = OperationalParameters.Merge(values, current, options.CurrentValue.Strategy);
            if (errors.Count > 0)
            {
                return new ParameterUpdateResult(errors, Parameters(current));
            }

            if (risk.Leverage != current.Leverage && await SetLeverageAsync(risk.Leverage, current.Leverage, cancellationToken) is { } refused)
            {
                return new ParameterUpdateResult([refused], Parameters(current));
            }

            await Risk.UpdateSettingsAsync(risk);
            strategySettings.Set(strategy);
            LogParameters(string.Join(", ", values.Select(v => $"{v.Key}={v.Value}")));

            // The same event a live edit of appsettings publishes, so consumers see every change whatever its source.
            var keys = values.Keys.Select(OperationalParameters.ConfigKeyOf).Order(StringComparer.OrdinalIgnoreCase).ToImmutableArray();
            await client.GetStreamProvider(StreamNames.Provider)
                .GetStream<IBotEvent>(StreamId.Create(StreamNames.System, "silo"))
                .OnNextAsync(new ConfigChanged(keys, [], DateTimeOffset.UtcNow));
            notifier.Changed(DashboardTopic.Parameters);
            return new ParameterUpdateResult([], Parameters(risk));
        }
        finally
        {
            _gate.Release();
        }
    }

    private ParameterSetView Parameters(RiskParameters risk)
    {
        var trading = options.CurrentValue;
        return new ParameterSetView(
            OperationalParameters.Describe(risk, trading.Strategy),
            [
                new("mode", "Mode", silo.Mode),
                new("strategies", "Strategies", string.Join(", ", trading.Strategies)),
                new("symbols", "Symbols", string.Join(", ", trading.Symbols)),
                new("timeframes", "Timeframes", string.Join(", ", ChartComposer.Timeframes)),
                new("historyCandles", "History candles per timeframe", trading.HistoryCandles.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("closeOnDailyLimit", "Close positions at the daily limit", risk.CloseOnDailyLimit ? "yes" : "no"),
            ]);
    }

    /// <summary>Sets the leverage on every symbol, all or nothing; the refusal as a form error.</summary>
    private async Task<ParameterValidationError?> SetLeverageAsync(int leverage, int previous, CancellationToken cancellationToken) =>
        await LeverageRollout.ApplyAsync(exchange, options.CurrentValue.Symbols, leverage, previous, cancellationToken) is { } refused
            ? new ParameterValidationError(OperationalParameters.Leverage, $"the exchange refused leverage {leverage} for {refused.Symbol}: {refused.Error.Message}", 1m, 20m)
            : null;

    private async Task<IReadOnlyList<string>> EnabledStrategiesAsync()
    {
        var enabled = new List<string>();
        foreach (var strategy in options.CurrentValue.Strategies)
        {
            if ((await client.GetGrain<IStrategyGrain>(strategy).GetStatusAsync()).Enabled)
            {
                enabled.Add(strategy);
            }
        }

        return enabled;
    }

    private async Task PushAsync(CancellationToken cancellationToken)
    {
        notifier.PositionsChanged(await source.GetPositionsAsync(cancellationToken));
        notifier.StatusChanged(await source.GetStatusAsync(cancellationToken));
        notifier.AccountChanged(await source.GetAccountAsync(cancellationToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard: trading started (strategies {Strategies})")]
    private partial void LogStarted(string strategies);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard: trading stopped (strategies {Strategies} paused)")]
    private partial void LogStopped(string strategies);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard: operational parameters changed: {Values}")]
    private partial void LogParameters(string values);
}
