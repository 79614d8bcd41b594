using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TradingBot.Contracts;
using TradingBot.Contracts.Events;
using TradingBot.Contracts.Grains;
using TradingBot.Contracts.Trading;
using TradingBot.Exchange.Model;
using TradingBot.Exchange.Port;
using TradingBot.Grains.Hosting;
using TradingBot.Grains.Mapping;
using TradingBot.Runtime;
using TradingBot.Runtime.Streams;
using TradingBot.Trading.Journal;
using TradingBot.Trading.Orders;

namespace TradingBot.Grains.Orders;

/// <summary>
/// Executes approved entries: the intent is persisted before anything is sent; the market order
/// carries a deterministic client id; "not executed" failures are retried after 1 s, 2 s and 5 s with
/// the same id; an unknown outcome is resolved by querying the id and only a proven absence leads to
/// a new id. A filled entry goes to its PositionGrain, which places the stop and target.
/// </summary>
[KeepAlive]
internal sealed partial class OrderGrain(
    [PersistentState("order", "Default")] IPersistentState<OrderGrainState> state,
    [PersistentState("order-history", "Default")] IPersistentState<OrderHistoryState> history,
    IExchange exchange,
    TradeJournal journal,
    IOptionsMonitor<TradingOptions> options,
    TimeProvider clock,
    ILogger<OrderGrain> logger) : Grain, IOrderGrain
{
    private const int IntentCapacity = 200;
    private readonly Dictionary<string, decimal> _takerRates = new(StringComparer.Ordinal);
    private IAsyncStream<IBotEvent> _orders = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _orders = this.GetStreamProvider(StreamNames.Provider).GetStream<IBotEvent>(StreamId.Create(StreamNames.Orders, AccountKeys.Main));
        await MoveFinishedToHistoryAsync();
    }

    public async Task<OrderOutcome> ExecuteAsync(ApprovedOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var baseId = ClientOrderIds.For(order.Signal, OrderPurpose.Entry);
        if (FindBySignal(history.State.Intents, order.Signal.Id) is { } finished)
        {
            return new OrderOutcome(finished.ClientOrderId, finished.Status == OrderIntentStatus.Filled, order.Quantity, 0, finished.Attempts, finished.Error);
        }

        var record = FindBySignal(state.State.Intents, order.Signal.Id);
        if (record is null)
        {
            record = new OrderIntentRecord { ClientOrderId = baseId, Order = order, CreatedAt = clock.GetUtcNow(), UpdatedAt = clock.GetUtcNow() };
            state.State.Intents.Add(record);
        }

        // The intent is durable before the exchange hears of it (only in-flight intents are rewritten, so this write
        // stays small); the journal's "pending" row is written while the order is on the wire (a synchronous SQLite
        // insert of about 0.2 ms, measured by bench/Silo.Bench latency).
        await state.WriteStateAsync();
        var pendingAt = clock.GetUtcNow();
        var attempts = record.Attempts;
        return await SendEntryAsync(record, order, () => journal.RecordOrder(record.ClientOrderId, order.Symbol, order.EntrySide, OrderPurpose.Entry, order.Quantity, null, OrderIntentStatus.Pending, attempts, null, pendingAt));
    }

    public async Task<int> FlattenAllAsync(ExitReason reason)
    {
        var symbols = new HashSet<string>(options.CurrentValue.Symbols, StringComparer.Ordinal);
        foreach (var position in await exchange.GetPositionsAsync())
        {
            symbols.Add(position.Symbol);
        }

        var closed = 0;
        foreach (var symbol in symbols.Order(StringComparer.Ordinal))
        {
            if (await GrainFactory.GetGrain<IPositionGrain>(symbol).CloseAsync(reason))
            {
                closed++;
            }
        }

        LogFlattened(reason.ToString(), closed);
        return closed;
    }

    public async Task<int> ResolvePendingAsync()
    {
        var resolved = 0;
        foreach (var record in state.State.Intents.Where(i => i.Status == OrderIntentStatus.Pending && i.Order is not null).ToList())
        {
            var order = record.Order!;
            var snapshot = await exchange.GetOrderAsync(order.Symbol, record.ClientOrderId);
            if (snapshot is { ExecutedQuantity: > 0 })
            {
                await CompleteAsync(record, order, snapshot);
            }
            else
            {
                await FailAsync(record, order, "not found on the exchange after restart; not resent (the signal is stale)");
            }

            resolved++;
        }

        return resolved;
    }

    public Task<IReadOnlyList<OrderIntent>> GetRecentIntentsAsync(int count) =>
        Task.FromResult<IReadOnlyList<OrderIntent>>(history.State.Intents.Concat(state.State.Intents)
            .OrderBy(i => i.CreatedAt)
            .TakeLast(Math.Clamp(count, 0, IntentCapacity))
            .Select(i => i.ToIntent())
            .Reverse()
            .ToList());

    /// <summary>Sends the entry, retrying as the class describes; <paramref name="whileFirstSendInFlight"/> runs once, after the
    /// first attempt's request went out and before its reply is awaited.</summary>
    private async Task<OrderOutcome> SendEntryAsync(OrderIntentRecord record, ApprovedOrder order, Action? whileFirstSendInFlight = null)
    {
        var delays = options.CurrentValue.OrderRetryDelays;
        for (var attempt = 0; attempt <= delays.Length; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(delays[attempt - 1], clock);
            }

            record.Attempts++;
            try
            {
                var request = new MarketOrderRequest(order.Symbol, ExchangeMapping.ToExchange(order.EntrySide), order.Quantity, record.ClientOrderId, ReferencePrice: order.Signal.Entry);
                var sending = exchange.PlaceMarketOrderAsync(request);
                RunOnce(ref whileFirstSendInFlight, record.ClientOrderId);
                var placed = await sending;
                return await CompleteAsync(record, order, await ConfirmFillAsync(placed));
            }
            catch (ExchangeRateLimitException ex)
            {
                LogRetry(record.ClientOrderId, record.Attempts, ex.Message);

                // Retry-After is kept by the REST client in wall-clock time; the grain's clock is the market's, which in
                // paper mode runs ahead of it (comparing the two skipped the wait and spent the retries on a closed gate).
                var wait = ex.RetryAt - TimeProvider.System.GetUtcNow();
                if (wait > TimeSpan.Zero && wait < TimeSpan.FromMinutes(2))
                {
                    await Task.Delay(wait, TimeProvider.System);
                }
            }
            catch (ExchangeNotExecutedException ex)
            {
                LogRetry(record.ClientOrderId, record.Attempts, ex.Message);
            }
            catch (ExchangeDuplicateException)
            {
                if (await exchange.GetOrderAsync(order.Symbol, record.ClientOrderId) is { } existing)
                {
                    return await CompleteAsync(record, order, await ConfirmFillAsync(existing));
                }
            }
            catch (ExchangeException ex) when (ex.ErrorClass is ExchangeErrorClass.UnknownOutcome)
            {
                // The client already looked for the id during its grace period; look once more, and only
                // when the exchange proves it never saw the order, try again under a new id.
                if (await exchange.GetOrderAsync(order.Symbol, record.ClientOrderId) is { } found)
                {
                    return await CompleteAsync(record, order, await ConfirmFillAsync(found));
                }

                record.Generation++;
                record.ClientOrderId = ClientOrderIds.For(order.Signal, OrderPurpose.Entry, record.Generation);
                await state.WriteStateAsync();
                LogRetry(record.ClientOrderId, record.Attempts, ex.Message);
            }
            catch (ExchangeException ex)
            {
                return await FailAsync(record, order, $"{ex.ErrorClass}: {ex.Message}");
            }
        }

        return await FailAsync(record, order, $"gave up after {record.Attempts} attempts");
    }

    /// <summary>The order is already on its way: a failing side job is logged, never allowed to abandon the send.</summary>
    private void RunOnce(ref Action? action, string clientOrderId)
    {
        var run = action;
        action = null;
        try
        {
            run?.Invoke();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogSideJobFailed(ex, clientOrderId);
        }
    }

    private async Task<OrderSnapshot> ConfirmFillAsync(OrderSnapshot placed)
    {
        var snapshot = placed;
        for (var poll = 0; poll < 10 && (snapshot.Status is not (OrderStatus.Filled or OrderStatus.Expired or OrderStatus.Canceled) || snapshot.AveragePrice is null); poll++)
        {
            if (poll > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), clock);
            }

            snapshot = await exchange.GetOrderAsync(placed.Symbol, placed.ClientOrderId) ?? snapshot;
        }

        return snapshot;
    }

    private async Task<OrderOutcome> CompleteAsync(OrderIntentRecord record, ApprovedOrder order, OrderSnapshot snapshot)
    {
        if (snapshot.ExecutedQuantity <= 0)
        {
            return await FailAsync(record, order, $"order ended {snapshot.Status} without a fill");
        }

        var price = snapshot.AveragePrice ?? order.Signal.Entry;
        var commission = snapshot.ExecutedQuantity * price * await TakerRateAsync(order.Symbol);
        var filledAt = clock.GetUtcNow();
        journal.RecordOrder(record.ClientOrderId, order.Symbol, order.EntrySide, OrderPurpose.Entry, snapshot.ExecutedQuantity, null, OrderIntentStatus.Filled, record.Attempts, null, filledAt);
        LogFilled(record.ClientOrderId, snapshot.ExecutedQuantity, price);
        await _orders.OnNextAsync(new OrderPlaced(record.ClientOrderId, order.Symbol, order.EntrySide, OrderPurpose.Entry, order.Quantity, null, snapshot.UpdateTime));
        await _orders.OnNextAsync(new OrderFilled(record.ClientOrderId, order.Symbol, order.EntrySide, OrderPurpose.Entry, snapshot.ExecutedQuantity, price, commission, snapshot.UpdateTime));

        // The position first, the intent's end second: a crash in between leaves the intent pending on disk, so the
        // restart resolves it by its client id and hands the fill to the PositionGrain again (idempotent per entry id),
        // which keeps the strategy and levels instead of adopting an unknown position. It also places SL/TP sooner.
        await GrainFactory.GetGrain<IPositionGrain>(order.Symbol)
            .OnEntryFilledAsync(order, record.ClientOrderId, snapshot.ExecutedQuantity, price, commission, snapshot.OrderId, snapshot.UpdateTime);
        record.Status = OrderIntentStatus.Filled;
        record.UpdatedAt = filledAt;
        await RecordFinishedAsync(record);
        await state.WriteStateAsync();
        return new OrderOutcome(record.ClientOrderId, true, snapshot.ExecutedQuantity, price, record.Attempts, null);
    }

    private async Task<OrderOutcome> FailAsync(OrderIntentRecord record, ApprovedOrder order, string reason)
    {
        record.Status = OrderIntentStatus.Failed;
        record.Error = reason;
        record.UpdatedAt = clock.GetUtcNow();
        await RecordFinishedAsync(record);
        await state.WriteStateAsync();
        journal.RecordOrder(record.ClientOrderId, order.Symbol, order.EntrySide, OrderPurpose.Entry, order.Quantity, null, OrderIntentStatus.Failed, record.Attempts, reason, record.UpdatedAt);
        LogFailed(record.ClientOrderId, record.Attempts, reason);
        await _orders.OnNextAsync(new OrderFailed(record.ClientOrderId, order.Symbol, OrderPurpose.Entry, reason, record.Attempts, record.UpdatedAt));
        return new OrderOutcome(record.ClientOrderId, false, 0, 0, record.Attempts, reason);
    }

    private async Task<decimal> TakerRateAsync(string symbol)
    {
        if (!_takerRates.TryGetValue(symbol, out var rate))
        {
            try
            {
                rate = (await exchange.GetCommissionRateAsync(symbol)).Taker;
            }
            catch (ExchangeException)
            {
                rate = options.CurrentValue.Risk.TakerFee;
            }

            _takerRates[symbol] = rate;
        }

        return rate;
    }

    /// <summary>
    /// Moves a finished intent to the history and persists the history; the outbox without it is written by the
    /// caller once the fill has been handed on (a crash in between leaves the intent in both, which
    /// <see cref="MoveFinishedToHistoryAsync"/> resolves in favour of the history).
    /// </summary>
    private async Task RecordFinishedAsync(OrderIntentRecord record)
    {
        history.State.Intents.Add(record);
        TrimHistory();
        await history.WriteStateAsync();
        state.State.Intents.Remove(record);
    }

    /// <summary>
    /// At activation: finished intents left in the outbox (schema 1 kept them there, or a crash between the history
    /// and the outbox write) go to the history, so the outbox written before each send holds only orders in flight.
    /// </summary>
    private async Task MoveFinishedToHistoryAsync()
    {
        var known = history.State.Intents.Select(i => i.ClientOrderId).ToHashSet(StringComparer.Ordinal);
        var moved = state.State.Intents
            .Where(i => i.Status != OrderIntentStatus.Pending || known.Contains(i.ClientOrderId))
            .ToList();
        if (moved.Count == 0)
        {
            return;
        }

        var historyChanged = false;
        foreach (var record in moved.Where(r => !known.Contains(r.ClientOrderId)))
        {
            history.State.Intents.Add(record);
            historyChanged = true;
        }

        if (historyChanged)
        {
            history.State.Intents.Sort((a, b) => a.CreatedAt.CompareTo(b.CreatedAt));
            TrimHistory();
            await history.WriteStateAsync();
        }

        state.State.Intents.RemoveAll(moved.Contains);
        state.State.SchemaVersion = new OrderGrainState().SchemaVersion;
        await state.WriteStateAsync();
    }

    private void TrimHistory()
    {
        var excess = history.State.Intents.Count - IntentCapacity;
        if (excess > 0)
        {
            history.State.Intents.RemoveRange(0, excess);
        }
    }

    private static OrderIntentRecord? FindBySignal(List<OrderIntentRecord> intents, string signalId)
    {
        foreach (var intent in intents)
        {
            if (intent.Order?.Signal.Id == signalId)
            {
                return intent;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Entry {ClientOrderId} filled {Quantity} at {Price}")]
    private partial void LogFilled(string clientOrderId, decimal quantity, decimal price);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Entry {ClientOrderId} attempt {Attempt} not executed: {Reason}; retrying")]
    private partial void LogRetry(string clientOrderId, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Entry {ClientOrderId} failed after {Attempts} attempt(s): {Reason}")]
    private partial void LogFailed(string clientOrderId, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Entry {ClientOrderId}: journal write while sending failed; the order's own state is unaffected")]
    private partial void LogSideJobFailed(Exception exception, string clientOrderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Flattened everything ({Reason}): {Closed} position(s) closed")]
    private partial void LogFlattened(string reason, int closed);
}
