using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TradingBot.Contracts;
using TradingBot.Contracts.Events;
using TradingBot.Contracts.Grains;
using TradingBot.Contracts.Market;
using TradingBot.Contracts.Trading;
using TradingBot.Grains.Hosting;
using TradingBot.Runtime;
using TradingBot.Runtime.Streams;
using TradingBot.Trading.Strategies;

namespace TradingBot.Grains.Strategies;

/// <summary>
/// One strategy (key A, B or C) over every configured symbol: keeps a market view per symbol from
/// the indicator streams, evaluates the rules at each closed bar, suppresses duplicates and reports its verdict
/// on every 1m bar to the symbol's SignalGateGrain, which lets the highest-priority signal of a bar through to the
/// RiskGrain. Signals also go out on the signals stream for records and the dashboard.
/// </summary>
[KeepAlive]
internal sealed partial class StrategyGrain(
    [PersistentState("strategy", "Default")] IPersistentState<StrategyGrainState> state,
    IOptionsMonitor<TradingOptions> options,
    ILogger<StrategyGrain> logger) : Grain, IStrategyGrain, IAsyncObserver<IndicatorsUpdated>
{
    private readonly Dictionary<string, MarketView> _views = new(StringComparer.Ordinal);
    private readonly SignalArbiter _arbiter = new();
    private readonly Dictionary<string, TradeSignal> _held = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ISignalGateGrain> _gates = new(StringComparer.Ordinal);
    private IStrategyRule _rule = null!;
    private IAsyncStream<SignalGenerated> _signals = null!;
    private long _barsEvaluated;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _rule = StrategyRules.For(this.GetPrimaryKeyString());
        _arbiter.Restore(state.State.UsedEvidence);
        _signals = this.GetStreamProvider(StreamNames.Provider).GetStream<SignalGenerated>(StreamId.Create(StreamNames.Signals, "all"));
        return Task.CompletedTask;
    }

    public async Task StartAsync(IReadOnlyList<string> symbols)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var provider = this.GetStreamProvider(StreamNames.Provider);
        foreach (var symbol in symbols)
        {
            // Seed the view with what the SymbolGrain already knows, so the first bars after a start are
            // judged with their 15m and 1h context instead of waiting for the next 1h close.
            var view = ViewOf(symbol);
            var source = GrainFactory.GetGrain<ISymbolGrain>(symbol);
            foreach (var timeframe in new[] { Timeframe.H1, Timeframe.M15, Timeframe.M1 })
            {
                if (await source.GetSnapshotAsync(timeframe) is { } snapshot)
                {
                    view.Apply(snapshot);
                }
            }

            var stream = provider.GetStream<IndicatorsUpdated>(StreamId.Create(StreamNames.Indicators, symbol));
            var handles = await stream.GetAllSubscriptionHandles();
            if (handles.Count > 0)
            {
                foreach (var handle in handles)
                {
                    await handle.ResumeAsync(this);
                }
            }
            else
            {
                await stream.SubscribeAsync(this);
            }
        }
    }

    public async Task SetEnabledAsync(bool enabled)
    {
        state.State.Enabled = enabled;
        await state.WriteStateAsync();
        LogSwitched(_rule.Name, enabled);
    }

    public Task<StrategyStatus> GetStatusAsync() =>
        Task.FromResult(new StrategyStatus(_rule.Name, state.State.Enabled, _barsEvaluated, state.State.SignalsProposed, state.State.LastSignalAt));

    public async Task OnNextAsync(IndicatorsUpdated item, StreamSequenceToken? token = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        var snapshot = item.Snapshot;
        var view = ViewOf(snapshot.Symbol);
        view.Apply(snapshot);
        var current = options.CurrentValue;
        if (state.State.Enabled)
        {
            _barsEvaluated++;
            if (!_held.ContainsKey(snapshot.Symbol)
                && _rule.Evaluate(view, snapshot, current.Strategy) is { } candidate
                && _arbiter.Choose([(_rule, candidate)]) is { } chosen)
            {
                // Held until this minute's 1m snapshot, the last one the SymbolGrain publishes for a minute (after
                // 1h and 15m), so the gate gets one verdict per strategy and bar.
                _held[snapshot.Symbol] = chosen;
            }
        }

        if (snapshot.Timeframe != Timeframe.M1)
        {
            return;
        }

        _held.Remove(snapshot.Symbol, out var signal);
        var gate = GateOf(snapshot.Symbol);
        if (signal is null)
        {
            // Silence is a verdict too: the gate decides a bar once every started strategy has reported it. With a
            // single strategy nobody waits for it.
            if (current.Strategies.Length > 1)
            {
                await gate.ReportAsync(new StrategyEvaluation(_rule.Name, snapshot.Symbol, snapshot.Candle.CloseTime, null));
            }

            return;
        }

        LogSignal(signal.Strategy, signal.Symbol, signal.Direction.ToString(), signal.Entry, signal.StopLoss, signal.TakeProfit);

        // Propose first, persist after: the entry is latency-critical, and a signal re-fired after a crash in
        // between carries the same id, which the OrderGrain recognises and never sends twice.
        await gate.ReportAsync(new StrategyEvaluation(_rule.Name, snapshot.Symbol, snapshot.Candle.CloseTime, signal));
        state.State.UsedEvidence = [.. _arbiter.UsedKeys];
        state.State.SignalsProposed++;
        state.State.LastSignalAt = signal.At;
        await state.WriteStateAsync();
        await _signals.OnNextAsync(new SignalGenerated(signal));
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    private MarketView ViewOf(string symbol)
    {
        if (!_views.TryGetValue(symbol, out var view))
        {
            view = new MarketView(symbol);
            _views[symbol] = view;
        }

        return view;
    }

    /// <summary>The symbol's gate reference, looked up once: it is called on every 1m bar.</summary>
    private ISignalGateGrain GateOf(string symbol)
    {
        if (!_gates.TryGetValue(symbol, out var gate))
        {
            gate = GrainFactory.GetGrain<ISignalGateGrain>(symbol);
            _gates[symbol] = gate;
        }

        return gate;
    }

    public Task OnErrorAsync(Exception ex)
    {
        LogStreamError(ex, _rule.Name);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Strategy {Strategy} {Symbol} {Direction} signal: entry {Entry}, stop {Stop}, target {Target}")]
    private partial void LogSignal(string strategy, string symbol, string direction, decimal entry, decimal stop, decimal target);

    [LoggerMessage(Level = LogLevel.Information, Message = "Strategy {Strategy} enabled: {Enabled}")]
    private partial void LogSwitched(string strategy, bool enabled);

    [LoggerMessage(Level = LogLevel.Error, Message = "Strategy {Strategy}: indicators stream error")]
    private partial void LogStreamError(Exception exception, string strategy);
}
