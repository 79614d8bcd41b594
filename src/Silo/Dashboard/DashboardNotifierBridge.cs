using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TradingBot.Contracts;
using TradingBot.Contracts.Events;
using TradingBot.Contracts.Grains;
using TradingBot.Dashboard.Ports;
using TradingBot.Grains.Hosting;
using TradingBot.Runtime;
using TradingBot.Runtime.Streams;

namespace TradingBot.Silo.Dashboard;

/// <summary>
/// Pushes grain events to open dashboard pages. Subscribes from outside the grains (like the alert
/// bridge) to the positions, orders, risk and system streams and to each symbol's indicators, reads the
/// new state from the grains and hands it to <see cref="IDashboardNotifier"/>, which returns at once.
/// Deliveries only raise flags; one pump reads the grains and pushes, so mark-price driven
/// <see cref="PositionUpdated"/> ticks coalesce (at most one push per <see cref="MinPushInterval"/>) and
/// chart and status refreshes caused by closed bars are limited to one per <see cref="BarRefreshInterval"/>.
/// </summary>
internal sealed partial class DashboardNotifierBridge(
    IClusterClient client,
    TradingDashboardSource source,
    IDashboardNotifier notifier,
    DashboardActivity activity,
    IOptions<TradingOptions> trading,
    ILogger<DashboardNotifierBridge> logger) : IHostedService
{
    public static readonly TimeSpan BarRefreshInterval = TimeSpan.FromSeconds(2);

    /// <summary>At most one position push per this interval: a fast replay sends hundreds of mark prices a second.</summary>
    public static readonly TimeSpan MinPushInterval = TimeSpan.FromMilliseconds(20);

    private readonly List<IAsyncDisposable> _subscriptions = [];
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stopping = new();
    private Task _pump = Task.CompletedTask;
    private int _wantPositions;
    private int _wantAccount;
    private int _wantStatus;
    private long _lastBarRefresh;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _pump = Task.Run(() => PumpAsync(_stopping.Token), CancellationToken.None);
        var provider = client.GetStreamProvider(StreamNames.Provider);
        foreach (var (ns, key) in new[] { (StreamNames.Positions, AccountKeys.Main), (StreamNames.Orders, AccountKeys.Main), (StreamNames.Risk, AccountKeys.Main), (StreamNames.System, "silo") })
        {
            var handle = await provider.GetStream<IBotEvent>(StreamId.Create(ns, key)).SubscribeAsync((item, _) => OnEventAsync(item), OnErrorAsync);
            _subscriptions.Add(new Unsubscriber<IBotEvent>(handle));
        }

        foreach (var symbol in trading.Value.Symbols)
        {
            var handle = await provider.GetStream<IndicatorsUpdated>(StreamId.Create(StreamNames.Indicators, symbol)).SubscribeAsync((item, _) => OnIndicatorsAsync(item), OnErrorAsync);
            _subscriptions.Add(new Unsubscriber<IndicatorsUpdated>(handle));
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var subscription in _subscriptions)
        {
            await subscription.DisposeAsync();
        }

        _subscriptions.Clear();
        await _stopping.CancelAsync();
        await _pump;
    }

    private Task OnEventAsync(IBotEvent item)
    {
        try
        {
            switch (item)
            {
                case PositionUpdated updated:
                    activity.Seen(updated.At);
                    Request(account: true, status: false);
                    break;
                case PositionOpened opened:
                    activity.Seen(opened.At);
                    source.InvalidateAccount();
                    Request(account: true, status: true);
                    notifier.Changed(DashboardTopic.Charts);
                    break;
                case PositionClosed closed:
                    activity.Seen(closed.At);
                    source.InvalidateAccount();
                    Request(account: true, status: true);
                    notifier.Changed(DashboardTopic.Trades);
                    notifier.Changed(DashboardTopic.Strategies);
                    notifier.Changed(DashboardTopic.Equity);
                    notifier.Changed(DashboardTopic.Charts);
                    break;
                case ConnectionStateChanged connection:
                    activity.Connection(connection);
                    RequestStatus();
                    break;
                case SystemEvent { Kind: SystemEventKind.EmergencyStop }:
                    source.InvalidateAccount();
                    Request(account: true, status: true);
                    break;
                case SystemEvent or DailyLossLimitReached or RiskThresholdExceeded or OrderFailed:
                    RequestStatus();
                    break;
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A page that misses one push re-fetches on the next; the stream must never retry because of us.
            LogPushFailed(ex, item.GetType().Name);
        }

        return Task.CompletedTask;
    }

    private Task OnIndicatorsAsync(IndicatorsUpdated item)
    {
        try
        {
            activity.Indicators(item.Snapshot);
            activity.Seen(item.Snapshot.Candle.CloseTime);
            var now = Stopwatch.GetTimestamp();
            var last = Interlocked.Read(ref _lastBarRefresh);
            if (last != 0 && Stopwatch.GetElapsedTime(last, now) < BarRefreshInterval)
            {
                return Task.CompletedTask;
            }

            if (Interlocked.CompareExchange(ref _lastBarRefresh, now, last) == last)
            {
                notifier.Changed(DashboardTopic.Charts);
                RequestStatus();
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogPushFailed(ex, nameof(IndicatorsUpdated));
        }

        return Task.CompletedTask;
    }

    private void Request(bool account, bool status)
    {
        Volatile.Write(ref _wantPositions, 1);
        if (account)
        {
            Volatile.Write(ref _wantAccount, 1);
        }

        if (status)
        {
            Volatile.Write(ref _wantStatus, 1);
        }

        _wake.Writer.TryWrite(true);
    }

    private void RequestStatus()
    {
        Volatile.Write(ref _wantStatus, 1);
        _wake.Writer.TryWrite(true);
    }

    /// <summary>
    /// One reader of the grains at a time, so an older read is never pushed after a newer one, and the
    /// stream deliveries never wait for it: requests made while a push runs coalesce into the next one.
    /// </summary>
    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _wake.Reader.WaitToReadAsync(cancellationToken))
            {
                _wake.Reader.TryRead(out _);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    if (Interlocked.Exchange(ref _wantPositions, 0) == 1)
                    {
                        notifier.PositionsChanged(await source.GetPositionsAsync(cancellationToken));
                    }

                    if (Interlocked.Exchange(ref _wantAccount, 0) == 1)
                    {
                        notifier.AccountChanged(await source.GetAccountAsync(cancellationToken));
                    }

                    if (Interlocked.Exchange(ref _wantStatus, 0) == 1)
                    {
                        notifier.StatusChanged(await source.GetStatusAsync(cancellationToken));
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
                {
                    LogPushFailed(ex, "pump");
                }

                var rest = MinPushInterval - Stopwatch.GetElapsedTime(started);
                if (rest > TimeSpan.Zero)
                {
                    await Task.Delay(rest, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Host stopping.
        }
    }

    private Task OnErrorAsync(Exception ex)
    {
        LogStreamError(ex);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard push after {Event} failed")]
    private partial void LogPushFailed(Exception exception, string @event);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard bridge: a stream item was dead-lettered")]
    private partial void LogStreamError(Exception exception);

    private sealed class Unsubscriber<T>(StreamSubscriptionHandle<T> handle) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await handle.UnsubscribeAsync();
    }
}
