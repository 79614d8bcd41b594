using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using TradingBot.Runtime.Storage;
using TradingBot.Runtime.Streams;

namespace TradingBot.Runtime.Hosting;

/// <summary>Silo-builder look-alike: grains, named storages, memory streams, filters, options.</summary>
public sealed class GrainRuntimeBuilder
{
    internal GrainRuntimeBuilder(IServiceCollection services, GrainRuntimeConfiguration configuration)
    {
        Services = services;
        Configuration = configuration;
    }

    public IServiceCollection Services { get; }

    internal GrainRuntimeConfiguration Configuration { get; }

    /// <summary>Registers every concrete <see cref="Grain"/> class of the assembly.</summary>
    public GrainRuntimeBuilder AddGrainsFromAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        Configuration.GrainClasses.AddRange(assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && typeof(Grain).IsAssignableFrom(t)));
        return this;
    }

    /// <summary>Registers one grain class.</summary>
    public GrainRuntimeBuilder AddGrain<TGrain>()
        where TGrain : Grain
    {
        Configuration.GrainClasses.Add(typeof(TGrain));
        return this;
    }

    /// <summary>ADO.NET-shaped SQLite storage under <paramref name="name"/> ("Default" is used when a state names none).</summary>
    public GrainRuntimeBuilder AddSqliteGrainStorage(string name, string dataSource, Action<SqliteGrainStorageOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(dataSource);
        var options = new SqliteGrainStorageOptions { DataSource = dataSource };
        configure?.Invoke(options);
        Configuration.Storages[name] = sp => new SqliteGrainStorage(options, sp.GetService<TimeProvider>());
        return this;
    }

    /// <summary>In-memory storage with the same ETag rules as SQLite.</summary>
    public GrainRuntimeBuilder AddMemoryGrainStorage(string name, IGrainStorageSerializer? serializer = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Configuration.Storages[name] = _ => new MemoryGrainStorage(serializer);
        return this;
    }

    /// <summary>Any storage implementation under a name.</summary>
    public GrainRuntimeBuilder AddGrainStorage(string name, Func<IServiceProvider, IGrainStorage> factory)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(factory);
        Configuration.Storages[name] = factory;
        return this;
    }

    /// <summary>An in-memory stream provider.</summary>
    public GrainRuntimeBuilder AddMemoryStreams(string name, Action<MemoryStreamOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var options = new MemoryStreamOptions();
        configure?.Invoke(options);
        Configuration.StreamProviders[name] = options;
        return this;
    }

    /// <summary>Persists dead letters in a SQLite file (table DeadLetters). Without it they are kept in memory.</summary>
    public GrainRuntimeBuilder AddSqliteDeadLetters(string dataSource)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataSource);
        Configuration.DeadLetterStoreFactory = _ => new SqliteDeadLetterStore(dataSource);
        return this;
    }

    /// <summary>Adds a sink that receives every dead letter (e.g. forwarding to alerts).</summary>
    public GrainRuntimeBuilder AddDeadLetterSink<TSink>()
        where TSink : class, IDeadLetterSink
    {
        Services.AddSingleton<IDeadLetterSink, TSink>();
        return this;
    }

    public GrainRuntimeBuilder AddIncomingGrainCallFilter<TFilter>()
        where TFilter : class, IIncomingGrainCallFilter
    {
        Configuration.IncomingFilterTypes.Add(typeof(TFilter));
        return this;
    }

    public GrainRuntimeBuilder AddOutgoingGrainCallFilter<TFilter>()
        where TFilter : class, IOutgoingGrainCallFilter
    {
        Configuration.OutgoingFilterTypes.Add(typeof(TFilter));
        return this;
    }

    /// <summary>Changes runtime options (timeouts, mailbox capacity, collection, deterministic mode).</summary>
    public GrainRuntimeBuilder Configure(Action<GrainRuntimeOptions> configure)
    {
        Services.Configure(configure);
        return this;
    }

    /// <summary>Deterministic mode: single-threaded, caller-driven scheduling (pair with a ManualTimeProvider clock).</summary>
    public GrainRuntimeBuilder UseDeterministicMode() => Configure(o => o.DeterministicMode = true);

    /// <summary>Uses <paramref name="clock"/> as the runtime clock (registered as the TimeProvider service).</summary>
    public GrainRuntimeBuilder UseTimeProvider(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        Services.AddSingleton(clock);
        return this;
    }
}
