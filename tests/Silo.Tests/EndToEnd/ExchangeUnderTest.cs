using TradingBot.Exchange.Binance;
using TradingBot.Exchange.Model;
using TradingBot.Exchange.Simulator.Hosting;

namespace TradingBot.Silo.Tests.EndToEnd;

/// <summary>
/// The loopback simulator the test controls (no replay: prices are pushed), with the product's
/// bundled real candles as history, plus an independent client to read the exchange's truth.
/// </summary>
internal sealed class ExchangeUnderTest : IAsyncDisposable
{
    private ExchangeUnderTest(SimulatorInstance simulator, BinanceFuturesClient truth)
    {
        Simulator = simulator;
        Truth = truth;
    }

    public SimulatorInstance Simulator { get; }

    /// <summary>A second Binance client on the same account: what the exchange really holds.</summary>
    public BinanceFuturesClient Truth { get; }

    public string Url => Simulator.RestBaseUrl.ToString().TrimEnd('/');

    public static async Task<ExchangeUnderTest> StartAsync(DateTimeOffset start)
    {
        var simulator = await SimulatorHost.StartAsync(new SimulatorOptions
        {
            DataPaths = [Path.Combine(AppContext.BaseDirectory, "candles")],
            Symbols = ["BTCUSDT", "ETHUSDT"],
            Speed = 0,
            Start = start,
            Port = 0,
        });
        var truth = new BinanceFuturesClient(new BinanceClientOptions
        {
            Environment = BinanceEnvironment.Custom(simulator.RestBaseUrl, simulator.StreamBaseUrl),
            ApiKey = simulator.ApiKey,
            ApiSecret = simulator.ApiSecret,
        });
        await truth.StartAsync();
        foreach (var symbol in simulator.Options.Symbols)
        {
            // Without replay the venue has no trade yet: the last closed candle sets the price.
            var last = (await truth.GetKlinesAsync(new KlineQuery(symbol, KlineInterval.OneMinute, start.AddMinutes(-10), start))).Last();
            simulator.PushPrice(symbol, last.Close);
        }

        return new ExchangeUnderTest(simulator, truth);
    }

    public decimal LastPrice(string symbol) => Simulator.Venue.LastPrice(symbol);

    public void PushPrice(string symbol, decimal price) => Simulator.PushPrice(symbol, price);

    public async ValueTask DisposeAsync()
    {
        await Truth.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
