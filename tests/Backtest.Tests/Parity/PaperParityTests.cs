using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TradingBot.Backtest.Running;
using TradingBot.Backtest.Tests.Support;
using TradingBot.Contracts;
using TradingBot.Contracts.Events;
using TradingBot.Contracts.Grains;
using TradingBot.Contracts.Market;
using TradingBot.Exchange.Binance;
using TradingBot.Exchange.Port;
using TradingBot.Exchange.Simulator.Hosting;
using TradingBot.Exchange.Simulator.Venue;
using TradingBot.Grains.Gateway;
using TradingBot.Grains.Hosting;
using TradingBot.Runtime;
using TradingBot.Runtime.Core;
using TradingBot.Runtime.Streams;
using TradingBot.Trading.Journal;

namespace TradingBot.Backtest.Tests.Parity;

/// <summary>
/// The same candles through paper mode — the loopback simulator over real HTTP/WebSocket, the real Binance client,
/// the grains on the concurrent runtime — and through the backtester must give the same trades: same symbols,
/// strategies, directions, entry bars, exit reasons and exit times; prices equal up to the documented fill model
/// (paper fills at the signal bar's close because the replay is paused there, the backtester at the next open).
/// The simulator is stepped one bar at a time and the grains are awaited until idle after each bar.
/// </summary>
public sealed class PaperParityTests
{
    private static readonly DateTimeOffset s_from = new(2025, 5, 26, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset s_to = new(2025, 5, 30, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Paper_mode_and_backtest_take_the_same_trades()
    {
        var backtest = await BacktestRunner.RunAsync(new BacktestRequest { DataPaths = [TestData.CandlesFolder], From = s_from, To = s_to });
        var paper = await RunPaperAsync(backtest.Start, backtest.End);

        var expected = backtest.Trades.Where(t => !t.IsOpen).ToList();
        expected.Should().NotBeEmpty();
        paper.Should().HaveCount(expected.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (b, p) = (expected[i], paper[i]);
            p.Symbol.Should().Be(b.Symbol);
            p.Strategy.Should().Be(b.Strategy);
            (p.Direction == Direction.Bullish ? "Long" : "Short").Should().Be(b.Direction);
            p.Reason.ToString().Should().Be(b.Reason);
            // Paper fills at the signal bar's last millisecond, the backtest at the next bar's open.
            (b.OpenedAt - p.OpenedAt).Should().BeLessThanOrEqualTo(TimeSpan.FromMilliseconds(1));
            Minute(p.At).Should().Be(Minute(b.ClosedAt), "the exit triggers in the same 1m bar");
            p.EntryPrice.Should().BeApproximately(b.EntryPrice, b.EntryPrice * 0.002m, "next open vs. signal close, plus 1 bp slippage");
        }
    }

    private static long Minute(DateTimeOffset at) => at.ToUnixTimeMilliseconds() / 60_000;

    private static async Task<List<PositionClosed>> RunPaperAsync(DateTimeOffset start, DateTimeOffset end)
    {
        var simulator = await SimulatorHost.StartAsync(new SimulatorOptions
        {
            DataPaths = [TestData.CandlesFolder],
            Symbols = ["BTCUSDT", "ETHUSDT"],
            Start = start,
            Port = 0,
            Engine = new TradingBot.Exchange.Simulator.Matching.EngineOptions { MarketSlippage = 0.0001m },
        });
        await using var _ = simulator;
        var client = new BinanceFuturesClient(new BinanceClientOptions
        {
            Environment = BinanceEnvironment.Custom(simulator.RestBaseUrl, simulator.StreamBaseUrl, name: "paper"),
            ApiKey = simulator.ApiKey,
            ApiSecret = simulator.ApiSecret,
        });
        await client.StartAsync();
        var directory = Directory.CreateTempSubdirectory("parity-").FullName;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Trading:ProtectionCheckInterval"] = "00:00:00" }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IExchange>(client);
        services.AddSingleton<TimeProvider>(new MarketClock(simulator.Venue));
        services.AddSingleton(_ => new TradeJournal(":memory:"));
        services.PostConfigure<TradingOptions>(o =>
        {
            o.Symbols = ["BTCUSDT", "ETHUSDT"];
            o.Strategies = ["A", "B", "C"];
        });
        services.AddTradingGrains(configuration, directory, runtime => runtime.AddMemoryGrainStorage("Default"));
        await using var provider = services.BuildServiceProvider();
        var runtime = provider.GetRequiredService<GrainRuntime>();
        await runtime.StartAsync();
        var trades = new Collector();
        await runtime.Client.GetStreamProvider(StreamNames.Provider).GetStream<IBotEvent>(StreamId.Create(StreamNames.Positions, AccountKeys.Main)).SubscribeAsync(trades);
        await provider.GetRequiredService<TradingStartup>().StartAsync(CancellationToken.None);
        // Both sockets must be up before the first bar is released, or its kline would go to nobody.
        var health = provider.GetRequiredService<StreamHealth>();
        await UntilAsync(() => Task.FromResult(health.States.GetValueOrDefault("market") == "connected" && health.States.GetValueOrDefault("user") == "connected"), "streams connected");
        var symbols = new[] { "BTCUSDT", "ETHUSDT" };
        var strategies = new[] { "A", "B", "C" };
        long minutes = 0, snapshots = 0;
        for (var close = start.AddMinutes(1); close <= end; close = close.AddMinutes(1))
        {
            // The path first (stops, targets and liquidation fire), then the bar's close (the kline is final).
            simulator.Venue.AdvanceMarketTo(close.AddMilliseconds(-2));
            await UntilAsync(() => PositionsInSyncAsync(runtime.Client, simulator.Venue, simulator.ApiKey, symbols), "positions after the path");
            simulator.Venue.AdvanceMarketTo(close.AddMilliseconds(-1));
            minutes++;
            snapshots += symbols.Length * (1 + (close.Minute % 15 == 0 ? 1 : 0) + (close.Minute == 0 ? 1 : 0));
            await UntilAsync(async () => (await Task.WhenAll(symbols.Select(s => runtime.Client.GetGrain<ISymbolGrain>(s).GetStatusAsync()))).All(s => s.CandlesProcessed >= minutes), $"candles of {close:HH:mm}");
            await UntilAsync(async () => (await Task.WhenAll(strategies.Select(s => runtime.Client.GetGrain<IStrategyGrain>(s).GetStatusAsync()))).All(s => s.BarsEvaluated >= snapshots), $"strategies at {close:HH:mm}");
            await runtime.Client.GetGrain<IRiskGrain>(AccountKeys.Main).GetStatusAsync();
            await UntilAsync(() => PositionsInSyncAsync(runtime.Client, simulator.Venue, simulator.ApiKey, symbols), "positions after the bar");
        }

        await provider.GetRequiredService<ExchangeGateway>().DisposeAsync();
        await runtime.StopAsync();
        Directory.Delete(directory, recursive: true);
        return [.. trades.Closed];
    }

    /// <summary>The grains' positions (and their protection) agree with the venue's.</summary>
    private static async Task<bool> PositionsInSyncAsync(IClusterClient client, SimulatedExchange venue, string apiKey, string[] symbols)
    {
        foreach (var symbol in symbols)
        {
            var view = await client.GetGrain<IPositionGrain>(symbol).GetAsync();
            var venueAmount = venue.Engine.Positions(apiKey, symbol, includeOpenOrderSymbols: false).Sum(p => p.PositionAmt);
            var grainAmount = view.PositionId is null ? 0 : view.Quantity * (view.Direction == Direction.Bullish ? 1 : -1);
            if (venueAmount != grainAmount || (grainAmount != 0 && !(view.StopLive && view.TakeProfitLive)))
            {
                return false;
            }
        }

        return true;
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"paper mode did not settle: {what}");
            }

            await Task.Delay(1);
        }
    }

    private sealed class MarketClock(SimulatedExchange venue) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => venue.MarketNow;
    }

    private sealed class Collector : IAsyncObserver<IBotEvent>
    {
        private readonly Lock _gate = new();
        private readonly List<PositionClosed> _closed = [];

        public IReadOnlyList<PositionClosed> Closed
        {
            get
            {
                lock (_gate)
                {
                    return [.. _closed];
                }
            }
        }

        public Task OnNextAsync(IBotEvent item, StreamSequenceToken? token = null)
        {
            if (item is PositionClosed closed)
            {
                lock (_gate)
                {
                    _closed.Add(closed);
                }
            }

            return Task.CompletedTask;
        }

        public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
    }
}
