namespace TradingBot.Dashboard.Ports.Control;

/// <summary>
/// Write side of the dashboard (PRD §5.4.3, §5.6). The integrator implements it over the RiskGrain and
/// friends; the dashboard audits every call and validates input before calling.
/// </summary>
public interface IBotControl
{
    /// <summary>Resume trading after a stop.</summary>
    ValueTask<ControlResult> StartAsync(CancellationToken cancellationToken);

    /// <summary>Stop producing entries and orders; open positions keep their protection.</summary>
    ValueTask<ControlResult> StopAsync(CancellationToken cancellationToken);

    /// <summary>Emergency stop: market-close every open position and block entries.</summary>
    ValueTask<ControlResult> CloseAllPositionsAsync(CancellationToken cancellationToken);

    /// <summary>Allow or block new entries for all strategies.</summary>
    ValueTask<ControlResult> SetEntriesAllowedAsync(bool allowed, CancellationToken cancellationToken);

    /// <summary>Enable or disable one strategy (id as in <c>StrategyStatsView.Strategy</c>).</summary>
    ValueTask<ControlResult> SetStrategyEnabledAsync(string strategy, bool enabled, CancellationToken cancellationToken);

    /// <summary>Current operational and core parameters.</summary>
    ValueTask<ParameterSetView> GetParametersAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Apply operational parameter values atomically (all or none). Values arrive already checked against
    /// each parameter's Min..Max; return errors for any further rule (naming the key and range).
    /// </summary>
    ValueTask<ParameterUpdateResult> SetOperationalParametersAsync(IReadOnlyDictionary<string, decimal> values, CancellationToken cancellationToken);
}
