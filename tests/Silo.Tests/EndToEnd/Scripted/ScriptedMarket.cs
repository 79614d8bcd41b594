using TradingBot.Contracts.Market;
using TradingBot.Exchange.Simulator.Hosting;
using TradingBot.Exchange.Simulator.Matching;
using TradingBot.Silo.Tests.EndToEnd.Scripted.Scripts;

namespace TradingBot.Silo.Tests.EndToEnd.Scripted;

/// <summary>
/// The loopback simulator replaying a scripted market: the script is written as the simulator's candle files
/// (BTCUSDT scripted, ETHUSDT flat), history before the first live minute is served as klines, and the test
/// replays live minutes one at a time.
/// </summary>
internal sealed class ScriptedMarket : IAsyncDisposable
{
    private readonly string _directory;

    private ScriptedMarket(SimulatorInstance simulator, string directory)
    {
        Simulator = simulator;
        _directory = directory;
    }

    public SimulatorInstance Simulator { get; }

    public string Url => Simulator.RestBaseUrl.ToString().TrimEnd('/');

    public static async Task<ScriptedMarket> StartAsync(ScriptedScenario scenario)
    {
        var directory = Directory.CreateTempSubdirectory("scripted-market-").FullName;
        scenario.Script.WriteCsv(Path.Combine(directory, $"{scenario.Symbol}-1m-scripted.csv"));
        new CandleScript("ETHUSDT", scenario.Script.Start, 3_000m).Flat(scenario.Script.Minutes.Count)
            .WriteCsv(Path.Combine(directory, "ETHUSDT-1m-flat.csv"));
        var simulator = await SimulatorHost.StartAsync(new SimulatorOptions
        {
            DataPaths = [directory],
            Symbols = [scenario.Symbol, "ETHUSDT"],
            Speed = 0,
            Start = scenario.LiveFrom,
            Port = 0,
        });

        // Nothing is replayed yet: the last history close is the price the bot starts from.
        simulator.PushPrice(scenario.Symbol, scenario.History.Last().Close);
        simulator.PushPrice("ETHUSDT", 3_000m);
        return new ScriptedMarket(simulator, directory);
    }

    /// <summary>Replays one scripted minute through to its close (klines, mark price, stop and target triggers).</summary>
    public void Replay(Candle minute) => Simulator.Venue.AdvanceMarketTo(minute.CloseTime.AddMilliseconds(-1));

    public decimal Wallet => Simulator.Venue.Run(e => e.Balance(Simulator.ApiKey).WalletBalance);

    public IReadOnlyList<OrderView> Orders => Simulator.Venue.Run(e => e.AllOrders(Simulator.ApiKey, null, null, null, null, 1000));

    public IReadOnlyList<AlgoOrderView> AlgoOrders => Simulator.Venue.Run(e => e.AllAlgoOrders(Simulator.ApiKey, null, null, null, null, 1000));

    public IReadOnlyList<TradeView> Fills => Simulator.Venue.Run(e => e.UserTrades(Simulator.ApiKey, null, null, null, null, null, 1000));

    public async ValueTask DisposeAsync()
    {
        await Simulator.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
