using Microsoft.Extensions.DependencyInjection;
using TradingBot.Runtime.Core;
using TradingBot.Runtime.Hosting;
using TradingBot.Runtime.Time;

namespace TradingBot.Runtime.Testing;

/// <summary>Builds an <see cref="InProcessTestCluster"/> (one in-process silo).</summary>
public sealed class InProcessTestClusterBuilder
{
    private readonly List<Action<GrainRuntimeBuilder>> _silo = [];
    private readonly List<Action<IServiceCollection>> _services = [];
    private ManualTimeProvider? _clock;

    /// <summary>Configures the runtime (grains, storages, streams, filters, options).</summary>
    public InProcessTestClusterBuilder ConfigureSilo(Action<GrainRuntimeBuilder> configure)
    {
        _silo.Add(configure);
        return this;
    }

    /// <summary>Adds services the grains need.</summary>
    public InProcessTestClusterBuilder ConfigureServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// <summary>Drives the runtime clock (timers, timeouts, collection) with a manual clock.</summary>
    public InProcessTestClusterBuilder UseManualTime(ManualTimeProvider? clock = null)
    {
        _clock = clock ?? new ManualTimeProvider();
        return this;
    }

    /// <summary>Deterministic mode with a manual clock.</summary>
    public InProcessTestClusterBuilder UseDeterministicMode(ManualTimeProvider? clock = null)
    {
        UseManualTime(clock ?? _clock);
        _silo.Add(b => b.UseDeterministicMode());
        return this;
    }

    public InProcessTestCluster Build()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        if (_clock is not null)
        {
            services.AddSingleton<TimeProvider>(_clock);
        }

        foreach (var configure in _services)
        {
            configure(services);
        }

        services.AddGrainRuntime(b =>
        {
            foreach (var configure in _silo)
            {
                configure(b);
            }
        });
        return new InProcessTestCluster(services, _clock);
    }
}

/// <summary>An in-process silo for tests, shaped like Orleans' InProcessTestCluster.</summary>
public sealed class InProcessTestCluster : IAsyncDisposable
{
    private readonly IServiceCollection _services;
    private ServiceProvider? _provider;
    private GrainRuntime? _runtime;

    internal InProcessTestCluster(IServiceCollection services, ManualTimeProvider? clock)
    {
        _services = services;
        ManualTime = clock;
    }

    /// <summary>The manual clock, when the builder asked for one.</summary>
    public ManualTimeProvider? ManualTime { get; }

    public GrainRuntime Runtime => _runtime ?? throw new InvalidOperationException("Call DeployAsync first.");

    public IClusterClient Client => Runtime.Client;

    public IGrainFactory GrainFactory => Runtime.Client;

    public async Task DeployAsync()
    {
        _provider = _services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        _runtime = _provider.GetRequiredService<GrainRuntime>();
        await _runtime.StartAsync().ConfigureAwait(false);
    }

    public IServiceProvider GetSiloServiceProvider() => _provider ?? throw new InvalidOperationException("Call DeployAsync first.");

    public bool TryGetGrainContext(GrainId grainId, out IGrainContext context) => Runtime.TryGetGrainContext(grainId, out context);

    /// <summary>Deactivates the grain behind a reference and waits until it is gone.</summary>
    public Task DeactivateAsync(IAddressable grain) => Runtime.DeactivateAsync(grain.GetGrainId());

    /// <summary>Waits until the current activation of <paramref name="grain"/> (if any) has been deactivated.</summary>
    public Task WaitForDeactivationAsync(IAddressable grain) =>
        Runtime.TryGetGrainContext(grain.GetGrainId(), out var context) ? context.Deactivated : Task.CompletedTask;

    /// <summary>Deterministic mode: run everything that is ready now.</summary>
    public Task RunUntilQuiescentAsync() => Runtime.RunUntilQuiescentAsync();

    /// <summary>Moves the manual clock forward. In deterministic mode also runs to quiescence after every timer.</summary>
    public Task AdvanceTimeAsync(TimeSpan delta)
    {
        if (Runtime.IsDeterministic)
        {
            return Runtime.AdvanceTimeAsync(delta);
        }

        (ManualTime ?? throw new InvalidOperationException("The cluster was built without UseManualTime.")).Advance(delta);
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_runtime is not null)
        {
            await _runtime.StopAsync().ConfigureAwait(false);
        }

        if (_provider is not null)
        {
            await _provider.DisposeAsync().ConfigureAwait(false);
        }
    }
}
