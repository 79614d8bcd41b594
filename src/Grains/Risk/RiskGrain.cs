using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TradingBot.Contracts;
using TradingBot.Contracts.Events;
using TradingBot.Contracts.Exchange;
using TradingBot.Contracts.Grains;
using TradingBot.Contracts.Trading;
using TradingBot.Exchange.Port;
using TradingBot.Grains.Hosting;
using TradingBot.Grains.Mapping;
using TradingBot.Runtime;
using TradingBot.Runtime.Streams;
using TradingBot.Trading.Journal;
using TradingBot.Trading.Risk;

namespace TradingBot.Grains.Risk;

/// <summary>
/// The only way to an order. Refuses signals while reconciliation is pending, after an emergency
/// stop, while entries are blocked, once the day's loss reached the limit, or when the position cap is
/// used; sizes the rest and hands them to the OrderGrain. Learns about closed positions and balance
/// changes from streams, never from calls back up the chain.
/// </summary>
[KeepAlive]
internal sealed partial class RiskGrain(
    [PersistentState("risk", "Default")] IPersistentState<RiskGrainState> state,
    IExchange exchange,
    TradeJournal journal,
    IOptionsMonitor<TradingOptions> options,
    TimeProvider clock,
    ILogger<RiskGrain> logger) : Grain, IRiskGrain, IAsyncObserver<IBotEvent>, IAsyncObserver<ExchangeAccountUpdate>
{
    private readonly HashSet<string> _open = new(StringComparer.Ordinal);
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private readonly DailyLossTracker _tracker = new();
    private IAsyncStream<IBotEvent> _riskEvents = null!;
    private IAsyncStream<IBotEvent> _system = null!;
    private decimal _wallet;
    private decimal _available;
    private bool _reconciled;

    private RiskSettings Settings
    {
        get
        {
            var configured = options.CurrentValue.Risk;
            return state.State.Parameters is not { } p
                ? configured
                : configured with
                {
                    RiskPerTrade = p.RiskPerTrade,
                    Leverage = p.Leverage,
                    DailyLossLimit = p.DailyLossLimit,
                    CloseOnDailyLimit = p.CloseOnDailyLimit,
                    MinRewardToRisk = p.MinRewardToRisk,
                    MaxOpenPositions = p.MaxOpenPositions,
                };
        }
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var provider = this.GetStreamProvider(StreamNames.Provider);
        _riskEvents = provider.GetStream<IBotEvent>(StreamId.Create(StreamNames.Risk, AccountKeys.Main));
        _system = provider.GetStream<IBotEvent>(StreamId.Create(StreamNames.System, "silo"));
        await SubscribeAsync(provider.GetStream<IBotEvent>(StreamId.Create(StreamNames.Positions, AccountKeys.Main)), (IAsyncObserver<IBotEvent>)this);
        await SubscribeAsync(provider.GetStream<ExchangeAccountUpdate>(StreamId.Create(StreamNames.Account, AccountKeys.Main)), (IAsyncObserver<ExchangeAccountUpdate>)this);
        _tracker.Restore(state.State.Day, state.State.DayStartBalance, state.State.DailyRealizedPnl);
        await RefreshAccountAsync(cancellationToken);
        await RollDayAsync();
    }

    public async Task<RiskDecision> ProposeAsync(TradeSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var settings = Settings;
        await RollDayAsync();
        var refusal = Refusal(signal, settings);
        if (refusal is { } r)
        {
            return await RefuseAsync(signal, r.Rule, r.Detail);
        }

        var rules = ExchangeMapping.ToRules(await exchange.GetInstrumentAsync(signal.Symbol));
        var sizing = PositionSizer.Size(signal, _wallet, _available, rules, settings);
        if (!sizing.Approved)
        {
            return await RefuseAsync(signal, sizing.Rule!, sizing.Detail!);
        }

        var approved = new ApprovedOrder(signal, sizing.Quantity, sizing.StopLoss, sizing.TakeProfit, settings.Leverage, sizing.RiskAmount);
        journal.RecordSignal(signal, "approved", $"qty {sizing.Quantity}, risk {sizing.RiskAmount:0.##}");
        _pending.Add(signal.Symbol);
        try
        {
            var outcome = await GrainFactory.GetGrain<IOrderGrain>(AccountKeys.Main).ExecuteAsync(approved);
            if (outcome.Filled)
            {
                _open.Add(signal.Symbol);
            }

            return new RiskDecision(outcome.Filled, outcome.Filled ? null : "order-failed", outcome.Error ?? $"filled {outcome.FilledQuantity} at {outcome.AveragePrice}", sizing.Quantity);
        }
        finally
        {
            _pending.Remove(signal.Symbol);
        }
    }

    public async Task SetEntriesAllowedAsync(bool allowed, string actor)
    {
        state.State.EntriesAllowed = allowed;
        await state.WriteStateAsync();
        LogEntriesSwitched(allowed, actor);
    }

    public async Task<int> EmergencyStopAsync(string actor)
    {
        state.State.EmergencyStopped = true;
        state.State.EntriesAllowed = false;
        await state.WriteStateAsync();
        LogEmergency(actor);
        await _system.OnNextAsync(new SystemEvent(SystemEventKind.EmergencyStop, $"Emergency stop by {actor}: entries blocked, closing everything", null, clock.GetUtcNow()));
        var closed = await GrainFactory.GetGrain<IOrderGrain>(AccountKeys.Main).FlattenAllAsync(ExitReason.EmergencyStop);
        _open.Clear();
        return closed;
    }

    public async Task ResetEmergencyAsync(string actor)
    {
        state.State.EmergencyStopped = false;
        await state.WriteStateAsync();
        LogEmergencyReset(actor);
    }

    public async Task MarkReconciledAsync(bool consistent, string detail)
    {
        _reconciled = consistent;
        await RefreshAccountAsync(CancellationToken.None);
        LogReconciled(consistent, detail);
    }

    public async Task UpdateSettingsAsync(RiskParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        state.State.Parameters = parameters;
        await state.WriteStateAsync();
    }

    public Task<RiskStatus> GetStatusAsync()
    {
        var s = Settings;
        var parameters = new RiskParameters(s.RiskPerTrade, s.Leverage, s.DailyLossLimit, s.CloseOnDailyLimit, s.MinRewardToRisk, s.MaxOpenPositions);
        return Task.FromResult(new RiskStatus(
            state.State.EntriesAllowed && !state.State.EmergencyStopped && _reconciled && !_tracker.LimitReached(s.DailyLossLimit),
            state.State.EmergencyStopped,
            _reconciled,
            _tracker.LimitReached(s.DailyLossLimit),
            _tracker.Day,
            _tracker.StartingBalance,
            _tracker.RealizedPnl,
            _tracker.Limit(s.DailyLossLimit),
            _wallet,
            _open.Count,
            parameters));
    }

    public async Task OnNextAsync(IBotEvent item, StreamSequenceToken? token = null)
    {
        switch (item)
        {
            case PositionOpened opened:
                _open.Add(opened.Symbol);
                break;
            case PositionClosed closed:
                _open.Remove(closed.Symbol);
                await CountClosedAsync(closed);
                break;
        }
    }

    public Task OnNextAsync(ExchangeAccountUpdate item, StreamSequenceToken? token = null)
    {
        if (item.WalletBalance is { } wallet)
        {
            // With no position open the whole wallet is available; otherwise refresh before sizing.
            _available += wallet - _wallet;
            _wallet = wallet;
        }

        return Task.CompletedTask;
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex)
    {
        LogStreamError(ex);
        return Task.CompletedTask;
    }

    private (string Rule, string Detail)? Refusal(TradeSignal signal, RiskSettings settings)
    {
        if (!_reconciled)
        {
            return ("reconciliation", "start-up reconciliation has not completed");
        }

        if (state.State.EmergencyStopped)
        {
            return ("emergency-stop", "emergency stop is active");
        }

        if (!state.State.EntriesAllowed)
        {
            return ("entries-blocked", "new entries are switched off");
        }

        if (_tracker.LimitReached(settings.DailyLossLimit))
        {
            return ("daily-loss-limit", $"today's loss {_tracker.Loss:0.##} reached the limit {_tracker.Limit(settings.DailyLossLimit):0.##}");
        }

        if (_open.Contains(signal.Symbol) || _pending.Contains(signal.Symbol))
        {
            return ("position-open", $"{signal.Symbol} already has a position or an entry in flight");
        }

        if (_open.Count + _pending.Count >= settings.MaxOpenPositions)
        {
            return ("max-open-positions", $"{_open.Count + _pending.Count} of {settings.MaxOpenPositions} positions in use");
        }

        return null;
    }

    private async Task<RiskDecision> RefuseAsync(TradeSignal signal, string rule, string detail)
    {
        journal.RecordSignal(signal, $"refused:{rule}", detail);
        LogRefused(signal.Strategy, signal.Symbol, rule, detail);
        var settings = Settings;
        await _riskEvents.OnNextAsync(new RiskThresholdExceeded(rule, detail, _tracker.Loss, _tracker.Limit(settings.DailyLossLimit), _wallet, clock.GetUtcNow()));
        return new RiskDecision(false, rule, detail, 0);
    }

    private async Task CountClosedAsync(PositionClosed closed)
    {
        if (state.State.CountedPositions.Contains(closed.PositionId))
        {
            return;
        }

        await RefreshAccountAsync(CancellationToken.None);
        var day = DateOnly.FromDateTime(closed.At.UtcDateTime);
        if (day == _tracker.Day)
        {
            _tracker.Record(closed.RealizedPnl);
        }

        state.State.CountedPositions.Add(closed.PositionId);
        if (state.State.CountedPositions.Count > 500)
        {
            state.State.CountedPositions.RemoveRange(0, state.State.CountedPositions.Count - 500);
        }

        var settings = Settings;
        var reached = _tracker.LimitReached(settings.DailyLossLimit) && state.State.LimitNotifiedDay != _tracker.Day;
        if (reached)
        {
            state.State.LimitNotifiedDay = _tracker.Day;
        }

        await SaveTrackerAsync();
        if (!reached)
        {
            return;
        }

        LogDailyLimit(_tracker.Loss, _tracker.Limit(settings.DailyLossLimit));
        await _riskEvents.OnNextAsync(new DailyLossLimitReached(_tracker.Loss, _tracker.Limit(settings.DailyLossLimit), _wallet, settings.CloseOnDailyLimit, clock.GetUtcNow()));
        if (settings.CloseOnDailyLimit)
        {
            await GrainFactory.GetGrain<IOrderGrain>(AccountKeys.Main).FlattenAllAsync(ExitReason.DailyLossLimit);
        }
    }

    private async Task RollDayAsync()
    {
        if (_tracker.Roll(clock.GetUtcNow(), _wallet))
        {
            await SaveTrackerAsync();
        }
    }

    private async Task SaveTrackerAsync()
    {
        state.State.Day = _tracker.Day;
        state.State.DayStartBalance = _tracker.StartingBalance;
        state.State.DailyRealizedPnl = _tracker.RealizedPnl;
        await state.WriteStateAsync();
    }

    private async Task RefreshAccountAsync(CancellationToken cancellationToken)
    {
        var account = await exchange.GetAccountAsync(cancellationToken);
        _wallet = account.TotalWalletBalance;
        _available = account.AvailableBalance;
        foreach (var position in account.Positions.Where(p => p.Quantity != 0))
        {
            _open.Add(position.Symbol);
        }
    }

    private static async Task SubscribeAsync<T>(IAsyncStream<T> stream, IAsyncObserver<T> observer)
    {
        var handles = await stream.GetAllSubscriptionHandles();
        if (handles.Count == 0)
        {
            await stream.SubscribeAsync(observer);
            return;
        }

        foreach (var handle in handles)
        {
            await handle.ResumeAsync(observer);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Signal {Strategy} {Symbol} refused by {Rule}: {Detail}")]
    private partial void LogRefused(string strategy, string symbol, string rule, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "New entries allowed: {Allowed} (by {Actor})")]
    private partial void LogEntriesSwitched(bool allowed, string actor);

    [LoggerMessage(Level = LogLevel.Critical, Message = "EMERGENCY STOP by {Actor}")]
    private partial void LogEmergency(string actor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Emergency stop cleared by {Actor}")]
    private partial void LogEmergencyReset(string actor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciliation finished, consistent: {Consistent} ({Detail})")]
    private partial void LogReconciled(bool consistent, string detail);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Daily loss limit reached: loss {Loss} >= limit {Limit}; new entries blocked")]
    private partial void LogDailyLimit(decimal loss, decimal limit);

    [LoggerMessage(Level = LogLevel.Error, Message = "Risk stream error")]
    private partial void LogStreamError(Exception exception);
}
