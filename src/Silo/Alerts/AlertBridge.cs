using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TradingBot.Contracts;
using TradingBot.Contracts.Events;
using TradingBot.Contracts.Grains;
using TradingBot.Dashboard.Health;
using TradingBot.Grains.Hosting;
using TradingBot.Operations.Alerts.Formatting;
using TradingBot.Operations.Alerts.Outbox;
using TradingBot.Runtime;
using TradingBot.Runtime.Streams;

namespace TradingBot.Silo.Alerts;

/// <summary>
/// Listens to the position, order, risk and system streams and stores each alert-worthy event in the
/// durable alert outbox, from where the deliverer sends it to Discord in order, with retries.
/// Enqueueing is a local SQLite insert: it never waits on Discord, so trading never waits either.
/// </summary>
internal sealed class AlertBridge(IClusterClient client, AlertOutbox outbox, SiloIdentity identity, IOptions<TradingOptions> trading) : IHostedService, IAsyncObserver<IBotEvent>
{
    private readonly List<StreamSubscriptionHandle<IBotEvent>> _handles = [];
    private readonly Dictionary<string, (long Since, int Attempts)> _down = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var provider = client.GetStreamProvider(StreamNames.Provider);
        foreach (var (ns, key) in new[] { (StreamNames.Positions, AccountKeys.Main), (StreamNames.Orders, AccountKeys.Main), (StreamNames.Risk, AccountKeys.Main), (StreamNames.System, "silo") })
        {
            _handles.Add(await provider.GetStream<IBotEvent>(StreamId.Create(ns, key)).SubscribeAsync(this));
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        outbox.Enqueue(AlertFactory.SystemStopped($"stopped:{identity.StartedAt.ToUnixTimeMilliseconds()}", DateTimeOffset.UtcNow,
            new SystemStoppedAlertData(identity.Mode, "shutdown requested", identity.Uptime)));
        foreach (var handle in _handles)
        {
            await handle.UnsubscribeAsync();
        }
    }

    public async Task OnNextAsync(IBotEvent item, StreamSequenceToken? token = null)
    {
        var now = DateTimeOffset.UtcNow;
        switch (item)
        {
            case SystemEvent { Kind: SystemEventKind.Started } started:
                var positions = 0;
                foreach (var symbol in trading.Value.Symbols)
                {
                    if ((await client.GetGrain<IPositionGrain>(symbol).GetAsync()).Quantity > 0)
                    {
                        positions++;
                    }
                }

                outbox.Enqueue(AlertFactory.SystemStarted($"started:{identity.StartedAt.ToUnixTimeMilliseconds()}", now,
                    new SystemStartedAlertData(identity.Mode, identity.Version, trading.Value.Symbols, trading.Value.Strategies, positions)));
                return;
            case ConnectionStateChanged change:
                OnConnection(change, now);
                return;
            case DailyLossLimitReached:
                var status = await client.GetGrain<IRiskGrain>(AccountKeys.Main).GetStatusAsync();
                Enqueue(AlertMapping.ToAlert(item, now, status.DayStartBalance));
                return;
            default:
                Enqueue(AlertMapping.ToAlert(item, now, 0));
                return;
        }
    }

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    private void OnConnection(ConnectionStateChanged change, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (change.State is ConnectionState.Disconnected or ConnectionState.Reconnecting)
            {
                var first = !_down.ContainsKey(change.ConnectionId);
                _down[change.ConnectionId] = (first ? Stopwatch.GetTimestamp() : _down[change.ConnectionId].Since, change.RetryCount);
                if (first)
                {
                    outbox.Enqueue(AlertFactory.WebSocketDisconnected($"ws:{change.ConnectionId}:down:{change.At.ToUnixTimeMilliseconds()}", now,
                        new WebSocketDisconnectedAlertData(change.ConnectionId, change.Error ?? "connection lost", change.RetryCount)));
                }
            }
            else if (change.State == ConnectionState.Connected && _down.Remove(change.ConnectionId, out var down))
            {
                outbox.Enqueue(AlertFactory.WebSocketReconnected($"ws:{change.ConnectionId}:up:{change.At.ToUnixTimeMilliseconds()}", now,
                    new WebSocketReconnectedAlertData(change.ConnectionId, Stopwatch.GetElapsedTime(down.Since), down.Attempts, 0)));
            }
        }
    }

    private void Enqueue(Operations.Alerts.Alert? alert)
    {
        if (alert is not null)
        {
            outbox.Enqueue(alert);
        }
    }
}
