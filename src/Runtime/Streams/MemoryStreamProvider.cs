using System.Collections.Concurrent;
using System.Reflection;
using TradingBot.Runtime.Core;

namespace TradingBot.Runtime.Streams;

/// <summary>
/// In-memory, push-based stream provider. Per (stream, subscription): FIFO, one item in flight, a bounded queue
/// whose fullness makes producers wait; bounded retries then OnErrorAsync plus a dead letter. Nothing survives a
/// restart; explicit subscriptions live in memory for the process lifetime.
/// </summary>
internal sealed class MemoryStreamProvider : IStreamProvider
{
    private static readonly ConcurrentDictionary<Type, MessagePriority> s_typePriority = new();

    private readonly ConcurrentDictionary<StreamId, StreamQueue> _streams = new();
    private readonly ConcurrentDictionary<(StreamId Id, Type ItemType), object> _handles = new();

    public MemoryStreamProvider(string name, GrainRuntime runtime, MemoryStreamOptions options)
    {
        Name = name;
        Runtime = runtime;
        Options = options;
        if (options.SubscriptionQueueCapacity < 1 || options.MaxDeliveryAttempts < 1)
        {
            throw new GrainRuntimeConfigurationException($"Stream provider '{name}': queue capacity and delivery attempts must be at least 1.");
        }
    }

    public string Name { get; }

    public GrainRuntime Runtime { get; }

    public MemoryStreamOptions Options { get; }

    public IAsyncStream<T> GetStream<T>(StreamId streamId) =>
        (IAsyncStream<T>)_handles.GetOrAdd((streamId, typeof(T)), static (key, self) => new AsyncStream<T>(self.GetQueue(key.Id)), this);

    public MessagePriority PriorityOf(object item)
    {
        if (Options.PriorityResolver is { } resolver)
        {
            return resolver(item);
        }

        if (item is IHasPriority prioritized)
        {
            return prioritized.Priority;
        }

        return s_typePriority.GetOrAdd(item.GetType(), static t => t.GetCustomAttribute<PriorityAttribute>(inherit: true)?.Priority ?? MessagePriority.Normal);
    }

    public IEnumerable<(string Namespace, int Lag, int Subscriptions)> LagByNamespace() =>
        _streams.Values
            .GroupBy(s => s.Id.Namespace, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Sum(s => s.Lag), g.Sum(s => s.SubscriptionCount)));

    private StreamQueue GetQueue(StreamId id) =>
        _streams.GetOrAdd(id, static (streamId, self) =>
        {
            var queue = new StreamQueue(self, streamId, self.Runtime.Metrics.ForStream(self.Name, streamId.Namespace));
            foreach (var grainClass in self.Runtime.Classes)
            {
                if (grainClass.ImplicitStreamNamespaces.Contains(streamId.Namespace, StringComparer.Ordinal))
                {
                    queue.Add(Subscription.ForImplicit(queue, new GrainId(grainClass.GrainType, streamId.Key)));
                }
            }

            return queue;
        }, this);
}
