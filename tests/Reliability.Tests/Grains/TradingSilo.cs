using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TradingBot.Exchange.Port;
using TradingBot.Grains.Gateway;
using TradingBot.Grains.Hosting;
using TradingBot.Runtime;
using TradingBot.Trading.Journal;

namespace TradingBot.Reliability.Tests.Grains;

/// <summary>(Copied from tests/Grains.Tests/Support.) The real trading grains on the real runtime with SQLite state, over a <see cref="MemoryExchange"/>.</summary>
internal sealed class TradingSilo : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly List<IHostedService> _hosted;

    private TradingSilo(ServiceProvider services, string dataDirectory, MemoryExchange exchange)
    {
        _services = services;
        DataDirectory = dataDirectory;
        Exchange = exchange;
        _hosted = services.GetServices<IHostedService>().ToList();
    }

    public string DataDirectory { get; }

    public MemoryExchange Exchange { get; }

    public IClusterClient Client => _services.GetRequiredService<IClusterClient>();

    public TradeJournal Journal => _services.GetRequiredService<TradeJournal>();

    public static async Task<TradingSilo> StartAsync(MemoryExchange exchange, string? dataDirectory = null, IDictionary<string, string?>? settings = null)
    {
        dataDirectory ??= Directory.CreateTempSubdirectory("silo-").FullName;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Trading:ProtectionCheckInterval"] = "00:00:00",
            ["Trading:OrderRetryDelays:0"] = "00:00:00.010",
            ["Trading:OrderRetryDelays:1"] = "00:00:00.020",
            ["Trading:OrderRetryDelays:2"] = "00:00:00.050",
        }.Concat(settings ?? new Dictionary<string, string?>())).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IExchange>(exchange);
        services.AddSingleton<TimeProvider>(new ExchangeClock(exchange));
        services.AddTradingGrains(configuration, dataDirectory);
        var provider = services.BuildServiceProvider();
        var silo = new TradingSilo(provider, dataDirectory, exchange);
        foreach (var hosted in silo._hosted)
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        await provider.GetRequiredService<TradingStartup>().StartAsync(CancellationToken.None);
        return silo;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.GetRequiredService<ExchangeGateway>().DisposeAsync();
        foreach (var hosted in Enumerable.Reverse(_hosted))
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
    }
}
