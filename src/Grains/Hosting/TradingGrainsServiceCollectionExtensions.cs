using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TradingBot.Contracts;
using TradingBot.Grains.Gateway;
using TradingBot.Grains.Market;
using TradingBot.Runtime.Hosting;
using TradingBot.Trading.Journal;

namespace TradingBot.Grains.Hosting;

/// <summary>Registers the trading grains, their services and the runtime pieces they need.</summary>
public static class TradingGrainsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the grain runtime with the trading grains, SQLite grain state and dead letters in
    /// <paramref name="dataDirectory"/>, the in-memory "bot" streams, the trade journal, the exchange
    /// gateway and the start-up sequence. The caller registers <c>IExchange</c> and a <c>TimeProvider</c>.
    /// </summary>
    public static IServiceCollection AddTradingGrains(this IServiceCollection services, IConfiguration configuration, string dataDirectory, Action<GrainRuntimeBuilder>? configureRuntime = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Directory.CreateDirectory(dataDirectory);
        var section = configuration.GetSection(TradingOptions.Section);
        services.AddOptions<TradingOptions>().Bind(section).PostConfigure(o => TradingOptionsBinding.ReplaceLists(o, section));
        services.TryAddSingleton<IIndicatorPipelineFactory, IctIndicatorPipelineFactory>();
        services.TryAddSingleton(_ => new TradeJournal(Path.Combine(dataDirectory, "trades.db")));
        services.TryAddSingleton<StreamHealth>();
        services.TryAddSingleton<ExchangeGateway>();
        services.TryAddSingleton<TradingStartup>();
        services.AddGrainRuntime(runtime =>
        {
            runtime.AddGrainsFromAssembly(typeof(TradingGrainsServiceCollectionExtensions).Assembly)
                .AddSqliteGrainStorage("Default", Path.Combine(dataDirectory, "state.db"))
                .AddMemoryStreams(StreamNames.Provider)
                .AddSqliteDeadLetters(Path.Combine(dataDirectory, "state.db"));
            configureRuntime?.Invoke(runtime);
        });
        return services;
    }
}
