using TradingBot.Exchange.Simulator.Hosting;
using TradingBot.Exchange.Simulator.Market;

namespace TradingBot.Exchange.Simulator.Tests.Support;

/// <summary>Starts a scripted (no data file) simulator on a free loopback port with a manual server clock.</summary>
internal sealed class SimulatorFixture : IAsyncDisposable
{
    public static readonly DateTimeOffset MarketStart = new(2025, 5, 5, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset ServerStart = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);

    private SimulatorFixture(SimulatorInstance instance, ManualClock clock)
    {
        Instance = instance;
        Clock = clock;
        Client = new RawClient(instance.RestBaseUrl, instance.ApiKey, instance.ApiSecret, () => clock.GetUtcNow().ToUnixTimeMilliseconds());
    }

    public SimulatorInstance Instance { get; }

    public ManualClock Clock { get; }

    public RawClient Client { get; }

    public static async Task<SimulatorFixture> StartAsync(Func<SimulatorOptions, SimulatorOptions>? configure = null, decimal btc = 50_000m)
    {
        var clock = new ManualClock(ServerStart);
        var options = new SimulatorOptions { Speed = 0, Start = MarketStart, Clock = clock };
        options = configure?.Invoke(options) ?? options;
        var instance = await SimulatorHost.StartAsync(options);
        var fixture = new SimulatorFixture(instance, clock);
        foreach (var spec in instance.Venue.Engine.Symbols)
        {
            var price = spec.Symbol == "BTCUSDT" ? btc : spec.Symbol == "ETHUSDT" ? 2_000m : 10m;
            instance.PushCandle(spec.Symbol, Flat(MarketStart, price));
        }

        return fixture;
    }

    public static Candle Flat(DateTimeOffset open, decimal price) => new(open.ToUnixTimeMilliseconds(), price, price, price, price, 1m);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Instance.DisposeAsync();
    }
}
