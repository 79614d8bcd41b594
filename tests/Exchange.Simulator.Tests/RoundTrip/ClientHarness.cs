using TradingBot.Exchange.Binance;
using TradingBot.Exchange.Model.Events;
using TradingBot.Exchange.Simulator.Hosting;
using TradingBot.Exchange.Simulator.Tests.Support;

namespace TradingBot.Exchange.Simulator.Tests.RoundTrip;

/// <summary>A scripted simulator plus our real client pointed at it over 127.0.0.1.</summary>
internal sealed class ClientHarness : IAsyncDisposable
{
    private ClientHarness(SimulatorInstance sim, BinanceFuturesClient client)
    {
        Sim = sim;
        Client = client;
    }

    public SimulatorInstance Sim { get; }

    public BinanceFuturesClient Client { get; }

    public static async Task<ClientHarness> StartAsync(
        Func<SimulatorOptions, SimulatorOptions>? configure = null,
        TimeProvider? clock = null,
        Func<BinanceClientOptions, BinanceClientOptions>? configureClient = null,
        bool pushStartBars = true)
    {
        var options = new SimulatorOptions { Speed = 0, Start = SimulatorFixture.MarketStart, Clock = clock ?? TimeProvider.System };
        options = configure?.Invoke(options) ?? options;
        var sim = await SimulatorHost.StartAsync(options);
        if (pushStartBars)
        {
            sim.PushCandle("BTCUSDT", SimulatorFixture.Flat(SimulatorFixture.MarketStart, 50_000m));
            sim.PushCandle("ETHUSDT", SimulatorFixture.Flat(SimulatorFixture.MarketStart, 2_000m));
        }

        var clientOptions = new BinanceClientOptions
        {
            Environment = BinanceEnvironment.Custom(sim.RestBaseUrl, sim.StreamBaseUrl, name: "simulator"),
            ApiKey = sim.ApiKey,
            ApiSecret = sim.ApiSecret,
            LostResponseInitialDelay = TimeSpan.FromMilliseconds(50),
            LostResponseGracePeriod = TimeSpan.FromSeconds(5),
            ReconnectInitialDelay = TimeSpan.FromMilliseconds(100),
            ReconnectMaxDelay = TimeSpan.FromSeconds(1),
            RequestTimeout = TimeSpan.FromSeconds(5),
            JitterSeed = 7,
        };
        clientOptions = configureClient?.Invoke(clientOptions) ?? clientOptions;
        var client = new BinanceFuturesClient(clientOptions, timeProvider: clock);
        await client.StartAsync();
        return new ClientHarness(sim, client);
    }

    /// <summary>
    /// Our client reports a stream as connected once SUBSCRIBE is sent, not acknowledged; wait until the simulator has
    /// registered the subscription so the test does not race it.
    /// </summary>
    public async Task WaitForSubscribersAsync(string path, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Sim.Hub.SubscriberCount(path) < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no {path} subscription registered");
            }

            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Sim.DisposeAsync();
    }
}

/// <summary>Collects stream events and lets a test await a condition over them.</summary>
internal sealed class EventLog
{
    private readonly List<StreamEvent> _events = [];
    private readonly SemaphoreSlim _changed = new(0);

    public IReadOnlyList<StreamEvent> Snapshot()
    {
        lock (_events)
        {
            return [.. _events];
        }
    }

    public ValueTask Handle(StreamEvent e, CancellationToken token)
    {
        lock (_events)
        {
            _events.Add(e);
        }

        _changed.Release();
        return ValueTask.CompletedTask;
    }

    public async Task<IReadOnlyList<StreamEvent>> WaitAsync(Func<IReadOnlyList<StreamEvent>, bool> condition, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var snapshot = Snapshot();
            if (condition(snapshot))
            {
                return snapshot;
            }

            try
            {
                await _changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("Condition not met; events: " + string.Join(" | ", Snapshot().Select(e => e is StreamStateChanged ? e.ToString() : e.GetType().Name)));
            }
        }
    }
}
