using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TradingBot.Contracts;
using TradingBot.Contracts.Events;
using TradingBot.Contracts.Exchange;
using TradingBot.Contracts.Grains;
using TradingBot.Contracts.Market;
using TradingBot.Contracts.Trading;
using TradingBot.Exchange.Model;
using TradingBot.Exchange.Port;
using TradingBot.Grains.Hosting;
using TradingBot.Grains.Mapping;
using TradingBot.Runtime;
using TradingBot.Runtime.Streams;
using TradingBot.Trading.Journal;
using TradingBot.Trading.Orders;
using TradingBot.Trading.Positions;
using ContractSide = TradingBot.Contracts.Trading.OrderSide;

namespace TradingBot.Grains.Positions;

/// <summary>
/// One symbol's position. Entries and closes the bot sends itself are accounted from their REST
/// results; triggered stop/target children and exchange-initiated closes (liquidation) from the user
/// stream, matched by ids — never by arrival order. Keeps "every open position has a live stop and
/// target" true: after the entry, on every algo update, on a periodic check and after a restart.
/// </summary>
[KeepAlive]
[ImplicitStreamSubscription(StreamNames.Exchange)]
internal sealed partial class PositionGrain(
    [PersistentState("position", "Default")] IPersistentState<PositionGrainState> state,
    IExchange exchange,
    TradeJournal journal,
    IOptionsMonitor<TradingOptions> options,
    TimeProvider clock,
    ILogger<PositionGrain> logger) : Grain, IPositionGrain, IStreamSubscriptionObserver, IAsyncObserver<IBotEvent>
{
    private readonly HashSet<string> _cancelling = new(StringComparer.Ordinal);
    private IAsyncStream<IBotEvent> _positions = null!;
    private string _symbol = "";
    private decimal _mark;
    private bool _closing;

    private PositionLedger Ledger => state.State.Ledger;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _symbol = this.GetPrimaryKeyString();
        _positions = this.GetStreamProvider(StreamNames.Provider).GetStream<IBotEvent>(StreamId.Create(StreamNames.Positions, AccountKeys.Main));
        var interval = options.CurrentValue.ProtectionCheckInterval;
        if (interval > TimeSpan.Zero)
        {
            this.RegisterGrainTimer(CheckProtectionAsync, new GrainTimerCreationOptions { DueTime = interval, Period = interval });
        }

        return Task.CompletedTask;
    }

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        ArgumentNullException.ThrowIfNull(handleFactory);
        await handleFactory.Create<IBotEvent>().ResumeAsync(this);
    }

    public async Task OnEntryFilledAsync(ApprovedOrder order, string entryClientOrderId, decimal quantity, decimal averagePrice, decimal commission, long tradeId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (Ledger.IsOpen && Ledger.PositionId == entryClientOrderId)
        {
            await EnsureProtectionAsync();
            return;
        }

        Ledger.Begin(entryClientOrderId, order.Signal.Strategy, order.Symbol, order.Direction, order.StopLoss, order.TakeProfit,
            ProtectiveIds.Stop(entryClientOrderId, 0), ProtectiveIds.TakeProfit(entryClientOrderId, 0));
        Ledger.Apply(new PositionFill(entryClientOrderId, tradeId, order.EntrySide, quantity, averagePrice, commission, at));
        state.State.Leverage = order.Leverage;
        state.State.StopLive = false;
        state.State.TakeProfitLive = false;
        state.State.StopGeneration = 0;
        state.State.TakeProfitGeneration = 0;
        state.State.Adopted = false;
        state.State.Children.Clear();
        var opened = new PositionOpened(entryClientOrderId, order.Signal.Strategy, _symbol, order.Direction, averagePrice, quantity, order.Leverage, order.StopLoss, order.TakeProfit, at);

        // Journaled (with its alert, in one transaction) before the ledger is persisted: an entry resolved during a
        // restart's reconciliation happens before anything listens to the streams, so the stream alone lost its alert.
        journal.RecordPositionOpened(opened);
        await state.WriteStateAsync();
        LogOpened(_symbol, order.Direction.ToString(), quantity, averagePrice, order.StopLoss, order.TakeProfit);
        await _positions.OnNextAsync(opened);
        await EnsureProtectionAsync();
    }

    public async Task<ReconciliationResult> ReconcileAsync()
    {
        var exchangeQuantity = await ExchangeQuantityAsync();
        var openAlgos = await exchange.GetOpenAlgoOrdersAsync(_symbol);
        var placed = 0;
        var orphans = 0;
        string detail;
        var adopted = false;
        if (Ledger.IsOpen && exchangeQuantity != 0 && Math.Sign(exchangeQuantity) == DirectionSign(Ledger.Direction))
        {
            state.State.StopLive = openAlgos.Any(a => a.ClientAlgoId == Ledger.StopClientId);
            state.State.TakeProfitLive = openAlgos.Any(a => a.ClientAlgoId == Ledger.TakeProfitClientId);
            placed = (state.State.StopLive ? 0 : 1) + (state.State.TakeProfitLive ? 0 : 1);
            await state.WriteStateAsync();
            await EnsureProtectionAsync();
            detail = placed == 0 ? "position and protection agree" : $"re-placed {placed} protective order(s)";
        }
        else if (Ledger.IsOpen && exchangeQuantity == 0)
        {
            await ResolveClosedWhileAwayAsync();
            detail = "position was closed while the bot was away; recorded";
        }
        else if (exchangeQuantity != 0)
        {
            await AdoptAsync(exchangeQuantity, openAlgos);
            adopted = true;
            placed = (state.State.StopLive ? 0 : 1) + (state.State.TakeProfitLive ? 0 : 1);
            detail = $"adopted an unknown {exchangeQuantity} {_symbol} position";
        }
        else
        {
            detail = "flat";
        }

        foreach (var orphan in openAlgos.Where(a => ClientOrderIds.IsOurs(a.ClientAlgoId) && !IsCurrentProtection(a.ClientAlgoId)))
        {
            await CancelAlgoQuietlyAsync(orphan.ClientAlgoId);
            orphans++;
        }

        LogReconciled(_symbol, detail, orphans);
        return new ReconciliationResult(_symbol, true, adopted, placed, orphans, detail);
    }

    public async Task<bool> CloseAsync(ExitReason reason)
    {
        _closing = true;
        try
        {
            await exchange.CancelAllOrdersAsync(_symbol);
            state.State.StopLive = false;
            state.State.TakeProfitLive = false;
            var quantity = await ExchangeQuantityAsync();
            if (quantity == 0)
            {
                if (Ledger.IsOpen)
                {
                    await ResolveClosedWhileAwayAsync();
                }

                await state.WriteStateAsync();
                return false;
            }

            var positionId = Ledger.IsOpen && Ledger.PositionId is { } id ? id : $"tb-ext-{_symbol}-{clock.GetUtcNow().ToUnixTimeSeconds()}";
            var closeId = ProtectiveIds.Close(positionId, reason);
            var side = quantity > 0 ? Exchange.Model.OrderSide.Sell : Exchange.Model.OrderSide.Buy;
            var result = await exchange.PlaceMarketOrderAsync(new MarketOrderRequest(_symbol, side, Math.Abs(quantity), closeId, ReduceOnly: true));
            if (result.Status != OrderStatus.Filled || result.AveragePrice is null)
            {
                result = await exchange.GetOrderAsync(_symbol, closeId) ?? result;
            }

            LogClosing(_symbol, reason.ToString(), result.ExecutedQuantity, result.AveragePrice);
            if (Ledger.IsOpen && result.ExecutedQuantity > 0)
            {
                var price = result.AveragePrice ?? _mark;
                await ApplyAsync(new PositionFill(closeId, result.OrderId, ExchangeMapping.ToContract(side), result.ExecutedQuantity, price, result.ExecutedQuantity * price * options.CurrentValue.Risk.TakerFee, result.UpdateTime));
            }

            await state.WriteStateAsync();
            return true;
        }
        finally
        {
            _closing = false;
        }
    }

    public async Task MoveStopAsync(decimal newStop)
    {
        if (!Ledger.IsOpen || Ledger.PositionId is not { } positionId)
        {
            return;
        }

        var old = Ledger.StopClientId;
        state.State.StopGeneration++;
        var replacement = ProtectiveIds.Stop(positionId, state.State.StopGeneration);
        await PlaceProtectionAsync(ConditionalOrderType.StopMarket, newStop, replacement);
        Ledger.StopLoss = newStop;
        Ledger.StopClientId = replacement;
        state.State.StopLive = true;
        await state.WriteStateAsync();
        if (old is not null)
        {
            await CancelAlgoQuietlyAsync(old);
        }
    }

    public Task<PositionView> GetAsync()
    {
        var l = Ledger;
        return Task.FromResult(new PositionView(_symbol, l.IsOpen ? l.PositionId : null, l.Strategy, l.Direction, l.Quantity, l.EntryPrice, _mark,
            l.IsOpen && _mark > 0 ? l.UnrealizedPnl(_mark) : 0, state.State.Leverage, l.IsOpen ? l.StopLoss : null, l.IsOpen ? l.TakeProfit : null,
            state.State.StopLive, state.State.TakeProfitLive, l.IsOpen ? l.OpenedAt : null));
    }

    public async Task OnNextAsync(IBotEvent item, StreamSequenceToken? token = null)
    {
        switch (item)
        {
            case ExchangeOrderUpdate update when update.IsFill:
                await OnFillAsync(update);
                break;
            case ExchangeAlgoUpdate algo:
                await OnAlgoUpdateAsync(algo);
                break;
            case MarkPriceChanged mark:
                _mark = mark.MarkPrice;
                if (Ledger.IsOpen)
                {
                    await _positions.OnNextAsync(new PositionUpdated(Ledger.PositionId!, _symbol, Ledger.Direction, Ledger.Quantity, Ledger.EntryPrice, _mark,
                        Ledger.UnrealizedPnl(_mark), Ledger.StopLoss, Ledger.TakeProfit, mark.At));
                }

                break;
        }
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex)
    {
        LogStreamError(ex, _symbol);
        return Task.CompletedTask;
    }

    private async Task OnFillAsync(ExchangeOrderUpdate update)
    {
        if (!Ledger.IsOpen || IsSelfAccounted(update.ClientOrderId))
        {
            return;
        }

        var source = await ResolveSourceAsync(update);
        await ApplyAsync(new PositionFill(source, update.TradeId, update.Side, update.LastFilledQuantity, update.LastFilledPrice, update.Commission, update.At, update.RealizedProfit));
    }

    private async Task OnAlgoUpdateAsync(ExchangeAlgoUpdate algo)
    {
        var isStop = algo.ClientAlgoId == Ledger.StopClientId;
        var isTarget = algo.ClientAlgoId == Ledger.TakeProfitClientId;
        if (!isStop && !isTarget)
        {
            return;
        }

        if (algo.ChildOrderId is { } child)
        {
            state.State.Children[child] = algo.ClientAlgoId;
        }

        var live = algo.Status is "NEW" or "TRIGGERING";
        var gone = algo.Status is "CANCELED" or "EXPIRED" or "REJECTED";
        if (isStop)
        {
            state.State.StopLive = live;
        }
        else
        {
            state.State.TakeProfitLive = live;
        }

        await state.WriteStateAsync();
        if (gone && Ledger.IsOpen && !_closing && !_cancelling.Contains(algo.ClientAlgoId))
        {
            LogProtectionLost(_symbol, algo.ClientAlgoId, algo.Status);
            await EnsureProtectionAsync();
        }
    }

    private async Task<string> ResolveSourceAsync(ExchangeOrderUpdate update)
    {
        if (update.ClientOrderId == Ledger.StopClientId || update.ClientOrderId == Ledger.TakeProfitClientId)
        {
            return update.ClientOrderId;
        }

        if (state.State.Children.TryGetValue(update.OrderId, out var algoId))
        {
            return algoId;
        }

        // The child's fill can arrive before ALGO_UPDATE says whose child it is: ask the exchange.
        foreach (var candidate in new[] { Ledger.StopClientId, Ledger.TakeProfitClientId })
        {
            if (candidate is not null && await exchange.GetAlgoOrderAsync(_symbol, candidate) is { ActualOrderId: { } actual } && actual == update.OrderId)
            {
                state.State.Children[actual] = candidate;
                return candidate;
            }
        }

        return update.ClientOrderId;
    }

    private async Task ApplyAsync(PositionFill fill)
    {
        var closed = Ledger.Apply(fill);
        if (closed is not null)
        {
            // The journal before the state: a crash in between leaves the ledger open, and the restart's reconciliation
            // records the same trade again (INSERT OR IGNORE). The other order lost the trade for good (chaos soak).
            journal.RecordTrade(closed);
        }

        await state.WriteStateAsync();
        if (closed is null)
        {
            return;
        }

        LogClosed(_symbol, closed.Reason.ToString(), closed.ExitPrice, closed.RealizedPnl);
        await _positions.OnNextAsync(closed);
        var leftovers = new[] { Ledger.StopClientId, Ledger.TakeProfitClientId }.Where(id => id is not null && id != fill.ClientOrderId).ToList();
        state.State.StopLive = false;
        state.State.TakeProfitLive = false;
        await state.WriteStateAsync();
        foreach (var id in leftovers)
        {
            await CancelAlgoQuietlyAsync(id!);
        }
    }

    private async Task EnsureProtectionAsync()
    {
        if (!Ledger.IsOpen || _closing)
        {
            return;
        }

        if (!state.State.StopLive && Ledger.StopLoss is { } stop)
        {
            var placed = await TryPlaceProtectionAsync(ConditionalOrderType.StopMarket, stop, Ledger.StopClientId!, ExitReason.StopLoss);
            if (!placed)
            {
                return;
            }

            state.State.StopLive = true;
            await state.WriteStateAsync();
        }

        if (!state.State.TakeProfitLive && Ledger.TakeProfit is { } target)
        {
            if (await TryPlaceProtectionAsync(ConditionalOrderType.TakeProfitMarket, target, Ledger.TakeProfitClientId!, ExitReason.TakeProfit))
            {
                state.State.TakeProfitLive = true;
                await state.WriteStateAsync();
            }
        }
    }

    private async Task<bool> TryPlaceProtectionAsync(ConditionalOrderType type, decimal trigger, string clientAlgoId, ExitReason ifAlreadyBeyond)
    {
        try
        {
            await PlaceProtectionAsync(type, trigger, clientAlgoId);
            return true;
        }
        catch (ExchangeDuplicateException)
        {
            return await exchange.GetAlgoOrderAsync(_symbol, clientAlgoId) is { Status: AlgoOrderStatus.New };
        }
        catch (ExchangeRejectedException ex) when (ex.Code == -2021)
        {
            // Price is already beyond the level: the protection would fire at once, so act now.
            LogAlreadyBeyond(_symbol, type.ToString(), trigger);
            await CloseAsync(ifAlreadyBeyond);
            return false;
        }
        catch (ExchangeException ex) when (ex.ErrorClass is ExchangeErrorClass.NotExecuted or ExchangeErrorClass.UnknownOutcome)
        {
            // Retried by the periodic protection check; the position is flagged unprotected meanwhile.
            LogProtectionFailed(ex, _symbol, clientAlgoId);
            return false;
        }
    }

    private Task PlaceProtectionAsync(ConditionalOrderType type, decimal trigger, string clientAlgoId)
    {
        var side = Ledger.Direction == Direction.Bullish ? Exchange.Model.OrderSide.Sell : Exchange.Model.OrderSide.Buy;
        return exchange.PlaceConditionalOrderAsync(new ConditionalOrderRequest(_symbol, side, type, trigger, clientAlgoId, ClosePosition: true, WorkingType: WorkingType.MarkPrice));
    }

    private async Task CheckProtectionAsync(CancellationToken cancellationToken)
    {
        if (!Ledger.IsOpen || _closing)
        {
            return;
        }

        var quantity = await ExchangeQuantityAsync();
        if (quantity == 0)
        {
            await ResolveClosedWhileAwayAsync();
            return;
        }

        state.State.StopLive = Ledger.StopClientId is { } s && await exchange.GetAlgoOrderAsync(_symbol, s, cancellationToken) is { Status: AlgoOrderStatus.New };
        state.State.TakeProfitLive = Ledger.TakeProfitClientId is { } t && await exchange.GetAlgoOrderAsync(_symbol, t, cancellationToken) is { Status: AlgoOrderStatus.New };
        await EnsureProtectionAsync();
    }

    /// <summary>The exchange is flat but our ledger is open: find out how it closed and record it.</summary>
    private async Task ResolveClosedWhileAwayAsync()
    {
        foreach (var candidate in new[] { Ledger.StopClientId, Ledger.TakeProfitClientId })
        {
            if (candidate is not null && await exchange.GetAlgoOrderAsync(_symbol, candidate) is { ActualPrice: { } price, ActualQuantity: { } qty } algo && qty > 0)
            {
                var side = Ledger.Direction == Direction.Bullish ? ContractSide.Sell : ContractSide.Buy;
                await ApplyAsync(new PositionFill(candidate, algo.ActualOrderId ?? algo.AlgoId, side, Ledger.Quantity, price, Ledger.Quantity * price * options.CurrentValue.Risk.TakerFee, algo.TriggerTime ?? algo.UpdateTime));
                return;
            }
        }

        var mark = (await exchange.GetMarkPriceAsync(_symbol)).Price;
        var exitSide = Ledger.Direction == Direction.Bullish ? ContractSide.Sell : ContractSide.Buy;
        await ApplyAsync(new PositionFill($"unknown-exit-{_symbol}", clock.GetUtcNow().ToUnixTimeMilliseconds(), exitSide, Ledger.Quantity, mark, 0, clock.GetUtcNow()));
    }

    private async Task AdoptAsync(decimal quantity, IReadOnlyList<AlgoOrderSnapshot> openAlgos)
    {
        var position = (await exchange.GetPositionsAsync(_symbol)).First(p => p.Quantity != 0);
        var direction = quantity > 0 ? Direction.Bullish : Direction.Bearish;
        var closingSide = direction == Direction.Bullish ? Exchange.Model.OrderSide.Sell : Exchange.Model.OrderSide.Buy;
        var ours = openAlgos.Where(a => ClientOrderIds.IsOurs(a.ClientAlgoId) && a.Side == closingSide).ToList();
        var stop = ours.FirstOrDefault(a => a.Type == OrderType.StopMarket);
        var target = ours.FirstOrDefault(a => a.Type == OrderType.TakeProfitMarket);
        var settings = options.CurrentValue;
        var sign = DirectionSign(direction);
        var stopPrice = stop?.TriggerPrice ?? position.EntryPrice * (1 - (sign * settings.AdoptedStopFraction));
        var targetPrice = target?.TriggerPrice ?? position.EntryPrice * (1 + (sign * settings.AdoptedTargetFraction));
        var rules = ExchangeMapping.ToRules(await exchange.GetInstrumentAsync(_symbol));
        var positionId = $"tb-adopt-{_symbol}-{clock.GetUtcNow().ToUnixTimeSeconds()}";
        Ledger.Begin(positionId, "adopted", _symbol, direction, rules.RoundPrice(stopPrice), rules.RoundPrice(targetPrice),
            stop?.ClientAlgoId ?? ProtectiveIds.Stop(positionId, 0), target?.ClientAlgoId ?? ProtectiveIds.TakeProfit(positionId, 0));
        var entrySide = direction == Direction.Bullish ? ContractSide.Buy : ContractSide.Sell;
        Ledger.Apply(new PositionFill(positionId, 0, entrySide, Math.Abs(quantity), position.EntryPrice, 0, clock.GetUtcNow()));
        state.State.Adopted = true;
        state.State.StopLive = stop is not null;
        state.State.TakeProfitLive = target is not null;
        var opened = new PositionOpened(positionId, "adopted", _symbol, direction, position.EntryPrice, Math.Abs(quantity), state.State.Leverage, Ledger.StopLoss ?? 0, Ledger.TakeProfit ?? 0, clock.GetUtcNow());
        journal.RecordPositionOpened(opened);
        await state.WriteStateAsync();
        LogAdopted(_symbol, quantity, position.EntryPrice);
        await _positions.OnNextAsync(opened);
        await EnsureProtectionAsync();
    }

    private async Task CancelAlgoQuietlyAsync(string clientAlgoId)
    {
        _cancelling.Add(clientAlgoId);
        try
        {
            await exchange.CancelAlgoOrderAsync(_symbol, clientAlgoId);
        }
        catch (ExchangeException ex)
        {
            LogCancelFailed(ex, _symbol, clientAlgoId);
        }
        finally
        {
            _cancelling.Remove(clientAlgoId);
        }
    }

    private async Task<decimal> ExchangeQuantityAsync() => (await exchange.GetPositionsAsync(_symbol)).Sum(p => p.Quantity);

    private bool IsSelfAccounted(string clientOrderId) =>
        clientOrderId == Ledger.PositionId
        || (Ledger.PositionId is { } id && (clientOrderId == ProtectiveIds.Close(id, ExitReason.EmergencyStop)
            || clientOrderId == ProtectiveIds.Close(id, ExitReason.DailyLossLimit)
            || clientOrderId == ProtectiveIds.Close(id, ExitReason.Manual)));

    private bool IsCurrentProtection(string clientAlgoId) =>
        Ledger.IsOpen && (clientAlgoId == Ledger.StopClientId || clientAlgoId == Ledger.TakeProfitClientId);

    private static int DirectionSign(Direction direction) => direction == Direction.Bullish ? 1 : -1;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Symbol} position opened {Direction} {Quantity} at {Price}; stop {Stop}, target {Target}")]
    private partial void LogOpened(string symbol, string direction, decimal quantity, decimal price, decimal stop, decimal target);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Symbol} position closed by {Reason} at {Price}, net PnL {Pnl}")]
    private partial void LogClosed(string symbol, string reason, decimal price, decimal pnl);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Symbol} closing at market ({Reason}): {Quantity} at {Price}")]
    private partial void LogClosing(string symbol, string reason, decimal quantity, decimal? price);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Symbol} protective order {ClientAlgoId} is {Status}; re-placing")]
    private partial void LogProtectionLost(string symbol, string clientAlgoId, string status);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Symbol} could not place protective order {ClientAlgoId}; will retry")]
    private partial void LogProtectionFailed(Exception exception, string symbol, string clientAlgoId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Symbol} {Type} at {Trigger} would trigger immediately; closing at market")]
    private partial void LogAlreadyBeyond(string symbol, string type, decimal trigger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Symbol} adopted an unknown position {Quantity} at {Price}")]
    private partial void LogAdopted(string symbol, decimal quantity, decimal price);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Symbol} reconciled: {Detail}; {Orphans} orphan order(s) cancelled")]
    private partial void LogReconciled(string symbol, string detail, int orphans);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Symbol} cancel of {ClientAlgoId} failed")]
    private partial void LogCancelFailed(Exception exception, string symbol, string clientAlgoId);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Symbol}: exchange stream error")]
    private partial void LogStreamError(Exception exception, string symbol);
}
