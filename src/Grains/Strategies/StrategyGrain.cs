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
/// the indicator streams, evaluates the rules at each closed bar, suppresses duplicates and reports its signals
/// to the symbol's SignalGateGrain, which lets the highest-priority signal of a bar through to the RiskGrain; its
/// "none" verdicts only while the gate holds a bar and asked for them (<see cref="VerdictReporting"/>). Signals also
/// go out on the signals stream for records and the dashboard.
/// </summary>
[KeepAlive]
internal sealed partial class StrategyGrain(
    [PersistentState("strategy", "Default")] IPersistentState<StrategyGrainState> state,
    [PersistentState("strategy-recent", "Default")] IPersistentState<StrategyRecentState> recent,
    IOptionsMonitor<TradingOptions> options,
    ILogger<StrategyGrain> logger) : Grain, IStrategyGrain, IAsyncObserver<IndicatorsUpdated>
{
    /// <summary>One entry per symbol (at most five): scanned, not hashed, on every indicator item.</summary>
    private StrategySymbol[] _symbols = [];
    private readonly SignalArbiter _arbiter = new();

    /// <summary>Evidence the arbiter remembered that is not persisted yet (signals held until the minute's 1m snapshot).</summary>
    private readonly List<string> _unsaved = [];
    private IStrategyRule _rule = null!;
    private IAsyncStream<SignalGenerated> _signals = null!;
    private long _barsEvaluated;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _rule = StrategyRules.For(this.GetPrimaryKeyString());
        _arbiter.Restore(EvidenceCheckpoint.Restore(state.State, recent.State));
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
            var view = SymbolOf(symbol).View;
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
        Task.FromResult(new StrategyStatus(_rule.Name, state.State.Enabled, _barsEvaluated, recent.State.SignalsProposed, recent.State.LastSignalAt));

    public Task<DateTimeOffset?> FollowGateAsync(string symbol, bool everyBar)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        return Task.FromResult(SymbolOf(symbol).Reporting.Follow(everyBar));
    }

    /// <summary>
    /// Not async on purpose: almost every item ends in a "none" nobody waits for, which must not cost a state machine;
    /// only a report to the gate is awaited. A failure is returned as a faulted task, as an async method would.
    /// </summary>
    public Task OnNextAsync(IndicatorsUpdated item, StreamSequenceToken? token = null)
    {
        try
        {
            return Judge(item);
        }
        catch (Exception ex)
        {
            return Task.FromException(ex);
        }
    }

    private Task Judge(IndicatorsUpdated item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var snapshot = item.Snapshot;
        var book = SymbolOf(snapshot.Symbol);
        var view = book.View;
        view.Apply(snapshot);
        if (state.State.Enabled)
        {
            _barsEvaluated++;
            if (book.Held is null
                && _rule.Evaluate(view, snapshot, options.CurrentValue.Strategy) is { } candidate
                && _arbiter.Choose([(_rule, candidate)]) is { } chosen)
            {
                // Held until this minute's 1m snapshot, the last one the SymbolGrain publishes for a minute (after
                // 1h and 15m), so the gate gets at most one verdict per strategy and bar.
                book.Held = chosen;
                _unsaved.Add(SignalArbiter.PrimaryKey(chosen));
            }
        }

        if (snapshot.Timeframe != Timeframe.M1)
        {
            return Task.CompletedTask;
        }

        var signal = book.Held;
        book.Held = null;
        var barClose = snapshot.Candle.CloseTime;
        if (!book.Reporting.MustReport(barClose, signal is not null))
        {
            // A "none" nobody waits for: the gate learns it when it asks (FollowGateAsync), no call per bar.
            return Task.CompletedTask;
        }

        var evaluation = new StrategyEvaluation(_rule.Name, snapshot.Symbol, barClose, signal);
        return signal is null ? book.Gate.ReportAsync(evaluation) : ProposeAsync(book.Gate, evaluation, signal);
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    private async Task ProposeAsync(ISignalGateGrain gate, StrategyEvaluation evaluation, TradeSignal signal)
    {
        LogSignal(signal.Strategy, signal.Symbol, signal.Direction.ToString(), signal.Entry, signal.StopLoss, signal.TakeProfit);

        // Propose first, persist after: the entry is latency-critical, and a signal re-fired after a crash in
        // between carries the same id, which the OrderGrain recognises and never sends twice.
        await gate.ReportAsync(evaluation);
        await PersistEvidenceAsync(signal);
        await _signals.OnNextAsync(new SignalGenerated(signal));
    }

    /// <summary>Persists the evidence used so far, a few keys per signal (<see cref="EvidenceCheckpoint"/>).</summary>
    private async Task PersistEvidenceAsync(TradeSignal signal)
    {
        var checkpoint = EvidenceCheckpoint.Record(state.State, recent.State, _unsaved, _arbiter.UsedKeys, signal.At);
        _unsaved.Clear();
        if (checkpoint)
        {
            await state.WriteStateAsync();
            EvidenceCheckpoint.Checkpointed(recent.State);
        }

        await recent.WriteStateAsync();
    }

    private StrategySymbol SymbolOf(string symbol)
    {
        var symbols = _symbols;
        for (var i = 0; i < symbols.Length; i++)
        {
            // The SymbolGrain hands out the same string instance every time, so the reference test usually decides.
            if (ReferenceEquals(symbols[i].Symbol, symbol) || string.Equals(symbols[i].Symbol, symbol, StringComparison.Ordinal))
            {
                return symbols[i];
            }
        }

        var added = new StrategySymbol(symbol, GrainFactory.GetGrain<ISignalGateGrain>(symbol));
        _symbols = [.. symbols, added];
        return added;
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
