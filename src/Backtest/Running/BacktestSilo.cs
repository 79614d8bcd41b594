using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TradingBot.Backtest.Running.Prefetch;
using TradingBot.Backtest.Simulation;
using TradingBot.Contracts;
using TradingBot.Contracts.Events;
using TradingBot.Contracts.Grains;
using TradingBot.Exchange.Port;
using TradingBot.Grains.Gateway;
using TradingBot.Grains.Hosting;
using TradingBot.Grains.Market;
using TradingBot.Runtime;
using TradingBot.Runtime.Core;
using TradingBot.Runtime.Streams;
using TradingBot.Runtime.Time;
using TradingBot.Trading.Journal;

namespace TradingBot.Backtest.Running;

/// <summary>
/// The live trading grains on the grain runtime in deterministic mode: one thread, a manual clock, in-memory grain
/// state, and the in-process <see cref="BacktestExchange"/> in place of Binance. Started with the live start-up sequence.
/// </summary>
internal sealed class BacktestSilo : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _dataDirectory;

    private BacktestSilo(ServiceProvider services, string dataDirectory, ManualTimeProvider clock, BacktestExchange exchange, ProblemLog problems, PrefetchingPipelineFactory? prefetch)
    {
        _services = services;
        Prefetch = prefetch;
        _dataDirectory = dataDirectory;
        Clock = clock;
        Exchange = exchange;
        Problems = problems;
        Runtime = services.GetRequiredService<GrainRuntime>();
    }

    public ManualTimeProvider Clock { get; }

    public BacktestExchange Exchange { get; }

    public ProblemLog Problems { get; }

    public GrainRuntime Runtime { get; }

    public IClusterClient Client => Runtime.Client;

    /// <summary>The indicator pipelines computing ahead, null when <see cref="BacktestRequest.IndicatorPrefetch"/> is off.</summary>
    public PrefetchingPipelineFactory? Prefetch { get; }

    public static async Task<BacktestSilo> StartAsync(BacktestRequest request, Data.MarketDataSet data)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(data);
        var clock = new ManualTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(data.StartMs));
        var exchange = new BacktestExchange(data, request.Fill, clock, request.InitialBalance);
        var settings = new Dictionary<string, string?>
        {
            ["Trading:ProtectionCheckInterval"] = "00:00:00",
            ["Trading:HistoryCandles"] = request.WarmupBars.ToString(CultureInfo.InvariantCulture),
            ["Trading:Risk:TakerFee"] = request.Fill.TakerFee.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in request.Settings)
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var problems = new ProblemLog();
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            b.ClearProviders();
            b.AddProvider(problems);
            b.SetMinimumLevel(LogLevel.Warning);
        });
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IExchange>(exchange);
        services.AddSingleton(_ => new TradeJournal(":memory:"));
        var dataDirectory = Directory.CreateTempSubdirectory("backtest-").FullName;

        // Registered before the grains: they add the live factory only when none is registered yet.
        var prefetch = request.IndicatorPrefetch == IndicatorPrefetch.Off ? null : new PrefetchingPipelineFactory(data, request.IndicatorPrefetch, request.Pipelines, request.IndicatorPrefetchCapacity);
        var pipelines = (IIndicatorPipelineFactory?)prefetch ?? request.Pipelines;
        if (pipelines is not null)
        {
            services.AddSingleton(pipelines);
        }

        // Lists are set after binding: the configuration binder appends to the defaults instead of replacing them.
        services.PostConfigure<TradingOptions>(o =>
        {
            o.Symbols = [.. data.Symbols];
            o.Strategies = [.. request.Strategies];
        });
        services.AddTradingGrains(configuration, dataDirectory, runtime => runtime
            .AddMemoryGrainStorage("Default")
            .UseDeterministicMode()
            .UseTimeProvider(clock)
            .Configure(o =>
            {
                // Housekeeping timers would fire every simulated second; in deterministic mode every call completes
                // within its quiescence, and the trading grains are kept alive, so hourly is plenty.
                o.ResponseTimeoutScanPeriod = TimeSpan.FromHours(1);
                o.CollectionQuantum = TimeSpan.FromHours(1);
            }));
        var provider = services.BuildServiceProvider();
        var silo = new BacktestSilo(provider, dataDirectory, clock, exchange, problems, prefetch);
        await silo.Runtime.StartAsync();
        var collector = new TradeCollector(exchange);
        var streams = silo.Client.GetStreamProvider(StreamNames.Provider);
        await silo.DriveAsync(streams.GetStream<IBotEvent>(StreamId.Create(StreamNames.Positions, AccountKeys.Main)).SubscribeAsync(collector));
        await silo.DriveAsync(streams.GetStream<IBotEvent>(StreamId.Create(StreamNames.Risk, AccountKeys.Main)).SubscribeAsync(collector));
        await silo.DriveAsync(streams.GetStream<SignalGenerated>(StreamId.Create(StreamNames.Signals, "all")).SubscribeAsync(collector));
        await silo.DriveAsync(provider.GetRequiredService<TradingStartup>().StartAsync(CancellationToken.None));
        silo.Collector = collector;
        return silo;
    }

    public TradeCollector Collector { get; private set; } = null!;

    /// <summary>Runs the system until <paramref name="task"/> is done; a task that quiescence cannot finish is a bug, reported as such.</summary>
    public async Task DriveAsync(Task task)
    {
        if (!task.IsCompleted)
        {
            await Runtime.RunUntilQuiescentAsync();
        }

        if (!task.IsCompleted)
        {
            throw new InvalidOperationException("A grain call did not finish although the runtime is quiescent (it waits for something the backtest never delivers).");
        }

        await task;
    }

    /// <inheritdoc cref="DriveAsync(Task)"/>
    public async Task<T> DriveAsync<T>(Task<T> task)
    {
        await DriveAsync((Task)task);
        return task.Result;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // First: the worker threads stop computing ahead (also when the run was cancelled or failed).
            Prefetch?.Dispose();
            await _services.GetRequiredService<ExchangeGateway>().DisposeAsync();
            await Runtime.StopAsync();
            await _services.DisposeAsync();
        }
        finally
        {
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }
}
