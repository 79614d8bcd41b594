using System.Collections.Concurrent;
using System.Reflection;

namespace TradingBot.Runtime.Streams;

/// <summary>Untyped view of an observer, so subscriptions can hold items as objects.</summary>
internal interface IStreamObserverAdapter
{
    Task OnNextAsync(object item, StreamSequenceToken token);

    Task OnErrorAsync(Exception exception);
}

/// <summary>Wraps an <see cref="IAsyncObserver{T}"/>.</summary>
internal sealed class StreamObserverAdapter<T>(IAsyncObserver<T> observer) : IStreamObserverAdapter
{
    public Task OnNextAsync(object item, StreamSequenceToken token) =>
        item is T typed
            ? observer.OnNextAsync(typed, token)
            : throw new InvalidCastException($"Stream item of type {item.GetType().Name} cannot be delivered to an observer of {typeof(T).Name}.");

    public Task OnErrorAsync(Exception exception) => observer.OnErrorAsync(exception);
}

/// <summary>The simple implicit-subscription hook: a grain that itself implements <see cref="IAsyncObserver{T}"/>.</summary>
internal static class GrainAsObserver
{
    private static readonly ConcurrentDictionary<(Type Grain, Type Item), Func<object, IStreamObserverAdapter>?> s_cache = new();

    public static IStreamObserverAdapter? TryCreate(object grain, Type itemType)
    {
        var factory = s_cache.GetOrAdd((grain.GetType(), itemType), static key =>
        {
            var observerInterface = key.Grain.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncObserver<>))
                .FirstOrDefault(i => i.GetGenericArguments()[0].IsAssignableFrom(key.Item));
            if (observerInterface is null)
            {
                return null;
            }

            var adapterType = typeof(StreamObserverAdapter<>).MakeGenericType(observerInterface.GetGenericArguments()[0]);
            return g => (IStreamObserverAdapter)Activator.CreateInstance(adapterType, BindingFlags.Public | BindingFlags.Instance, null, [g], null)!;
        });
        return factory?.Invoke(grain);
    }
}
