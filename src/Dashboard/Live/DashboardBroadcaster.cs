using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TradingBot.Dashboard.Ports;
using TradingBot.Dashboard.Ports.Trading;

namespace TradingBot.Dashboard.Live;

/// <summary>
/// <see cref="IDashboardNotifier"/> over SignalR. Callers only store the latest payload per event and
/// wake the pump; the pump sends whatever is pending. Under a burst (mark-price ticks) pages get the
/// newest state without a backlog, and no caller ever waits for a browser.
/// </summary>
internal sealed class DashboardBroadcaster(IHubContext<DashboardHub> hub, ILogger<DashboardBroadcaster> logger) : BackgroundService, IDashboardNotifier
{
    private readonly ConcurrentDictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private long _order;

    public void PositionsChanged(IReadOnlyList<PositionView> positions) => Post("positions", positions);

    public void AccountChanged(AccountView account) => Post("account", account);

    public void StatusChanged(SystemStatusView status) => Post("status", status);

    public void Changed(DashboardTopic topic) => Post("changed:" + topic, topic);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _wake.Reader.WaitToReadAsync(stoppingToken))
            {
                _wake.Reader.TryRead(out _);
                foreach (var (key, _) in _pending.ToArray().OrderBy(p => p.Value.Order))
                {
                    if (_pending.TryRemove(key, out var pending))
                    {
                        await SendAsync(key, pending.Payload, stoppingToken);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutting down.
        }
    }

    private void Post(string key, object payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        _pending[key] = new Pending(payload, Interlocked.Increment(ref _order));
        _wake.Writer.TryWrite(true);
    }

    private async Task SendAsync(string key, object payload, CancellationToken cancellationToken)
    {
        var separator = key.IndexOf(':', StringComparison.Ordinal);
        var method = separator < 0 ? key : key[..separator];
        try
        {
            await hub.Clients.All.SendAsync(method, payload, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Dashboard push of {Event} failed", key);
        }
    }

    private sealed record Pending(object Payload, long Order);
}
