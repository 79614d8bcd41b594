using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging.Abstractions;
using TradingBot.Dashboard.Live;
using TradingBot.Dashboard.Ports;
using TradingBot.Dashboard.Tests.Fakes;

namespace TradingBot.Dashboard.Tests.Live;

public sealed class DashboardBroadcasterTests
{
    [Fact]
    public async Task Callers_never_wait_for_clients_and_a_burst_collapses_to_the_latest_state_per_event()
    {
        var hub = new RecordingHubContext();
        using var broadcaster = new DashboardBroadcaster(hub, NullLogger<DashboardBroadcaster>.Instance);
        await broadcaster.StartAsync(CancellationToken.None);

        broadcaster.PositionsChanged([FakeTradingSource.SamplePosition(pnl: 0m)]);
        await hub.Proxy.FirstSendStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // The first send is stuck in a slow client; these calls must return at once and coalesce.
        for (var i = 1; i <= 100; i++)
        {
            broadcaster.PositionsChanged([FakeTradingSource.SamplePosition(pnl: i)]);
        }

        broadcaster.Changed(DashboardTopic.Trades);
        broadcaster.AccountChanged(new FakeTradingSource().Account);
        hub.Proxy.ReleaseFirstSend.SetResult();
        await hub.Proxy.WaitForAsync(4);

        var sent = hub.Proxy.Sent.ToArray();
        sent.Select(s => s.Method).Should().Equal("positions", "positions", "changed", "account");
        ((IReadOnlyList<Ports.Trading.PositionView>)sent[1].Args[0]!).Single().UnrealizedPnl.Should().Be(100m);
        sent[2].Args[0].Should().Be(DashboardTopic.Trades);
        await broadcaster.StopAsync(CancellationToken.None);
    }

    private sealed class RecordingHubContext : IHubContext<DashboardHub>
    {
        public RecordingProxy Proxy { get; } = new();

        public IHubClients Clients => new RecordingClients(Proxy);

        public IGroupManager Groups => throw new NotSupportedException();
    }

    private sealed class RecordingClients(RecordingProxy proxy) : IHubClients
    {
        private RecordingProxy Proxy => proxy;

        public IClientProxy All => Proxy;

        public IClientProxy AllExcept(IReadOnlyList<string> excludedConnectionIds) => Proxy;

        public IClientProxy Client(string connectionId) => Proxy;

        public IClientProxy Clients(IReadOnlyList<string> connectionIds) => Proxy;

        public IClientProxy Group(string groupName) => Proxy;

        public IClientProxy GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => Proxy;

        public IClientProxy Groups(IReadOnlyList<string> groupNames) => Proxy;

        public IClientProxy User(string userId) => Proxy;

        public IClientProxy Users(IReadOnlyList<string> userIds) => Proxy;
    }

    private sealed class RecordingProxy : IClientProxy
    {
        private readonly SemaphoreSlim _sends = new(0);

        public ConcurrentQueue<(string Method, object?[] Args)> Sent { get; } = new();

        public TaskCompletionSource FirstSendStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource ReleaseFirstSend { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task SendCoreAsync(string method, object?[] args, CancellationToken cancellationToken = default)
        {
            Sent.Enqueue((method, args));
            _sends.Release();
            if (FirstSendStarted.TrySetResult())
            {
                await ReleaseFirstSend.Task;
            }
        }

        public async Task WaitForAsync(int count)
        {
            while (Sent.Count < count)
            {
                (await _sends.WaitAsync(TimeSpan.FromSeconds(10))).Should().BeTrue("the pump must keep sending");
            }
        }
    }
}
