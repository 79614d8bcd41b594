using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TradingBot.Runtime.Core;

namespace TradingBot.Runtime.Hosting;

/// <summary>Registers the grain runtime in a host.</summary>
public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the runtime (<see cref="GrainRuntime"/>, <see cref="IClusterClient"/>, <see cref="IGrainFactory"/>) and a
    /// hosted service that starts it and, on shutdown, deactivates every grain within the host's shutdown timeout.
    /// </summary>
    public static IServiceCollection AddGrainRuntime(this IServiceCollection services, Action<GrainRuntimeBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var configuration = new GrainRuntimeConfiguration();
        configure(new GrainRuntimeBuilder(services, configuration));
        services.AddOptions<GrainRuntimeOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(sp => new GrainRuntime(
            sp,
            configuration,
            sp.GetRequiredService<IOptions<GrainRuntimeOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(sp => sp.GetRequiredService<GrainRuntime>().Client);
        services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainRuntime>().Client);
        services.AddSingleton(sp => sp.GetRequiredService<GrainRuntime>().Metrics);
        services.AddHostedService<GrainRuntimeHostedService>();
        return services;
    }
}

/// <summary>Starts the runtime with the host; on StopAsync deactivates all grains (flushing state).</summary>
internal sealed class GrainRuntimeHostedService(GrainRuntime runtime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => runtime.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => runtime.StopAsync(cancellationToken);
}
