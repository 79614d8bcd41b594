using TradingBot.Runtime.Streams;

namespace TradingBot.Runtime.Hosting;

/// <summary>What the builder collected: grain classes, named storages and stream providers, filters.</summary>
internal sealed class GrainRuntimeConfiguration
{
    public List<Type> GrainClasses { get; } = [];

    public Dictionary<string, Func<IServiceProvider, IGrainStorage>> Storages { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, MemoryStreamOptions> StreamProviders { get; } = new(StringComparer.Ordinal);

    public List<Type> IncomingFilterTypes { get; } = [];

    public List<Type> OutgoingFilterTypes { get; } = [];

    public Func<IServiceProvider, IDeadLetterStore>? DeadLetterStoreFactory { get; set; }
}
