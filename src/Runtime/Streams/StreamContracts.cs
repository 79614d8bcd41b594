namespace TradingBot.Runtime.Streams;

/// <summary>A stream consumer. A completed <see cref="OnNextAsync"/> is the consumer's acknowledgement.</summary>
public interface IAsyncObserver<in T>
{
    Task OnNextAsync(T item, StreamSequenceToken? token = null);

    Task OnCompletedAsync() => Task.CompletedTask;

    /// <summary>Called after an item exhausted its delivery attempts (it is dead-lettered and skipped).</summary>
    Task OnErrorAsync(Exception ex);
}

/// <summary>A stream: producer and subscription point in one handle.</summary>
public interface IAsyncStream<T>
{
    StreamId StreamId { get; }

    string ProviderName { get; }

    /// <summary>Completes when every subscription's queue accepted the item (back-pressure), not when it was processed.</summary>
    Task OnNextAsync(T item, StreamSequenceToken? token = null);

    /// <summary>
    /// Adds a subscription. Inside a grain it belongs to the grain identity (resume it after reactivation with
    /// <see cref="GetAllSubscriptionHandles"/>); outside grains it belongs to the caller.
    /// </summary>
    Task<StreamSubscriptionHandle<T>> SubscribeAsync(IAsyncObserver<T> observer);

    /// <summary>Explicit subscriptions of the calling grain (or of the client when called outside grains).</summary>
    Task<IList<StreamSubscriptionHandle<T>>> GetAllSubscriptionHandles();
}

/// <summary>A handle to one subscription.</summary>
public abstract class StreamSubscriptionHandle<T>
{
    public abstract StreamId StreamId { get; }

    public abstract string ProviderName { get; }

    public abstract Guid HandleId { get; }

    /// <summary>Attaches an observer for the current activation (or client).</summary>
    public abstract Task<StreamSubscriptionHandle<T>> ResumeAsync(IAsyncObserver<T> observer, StreamSequenceToken? token = null);

    /// <summary>Removes the subscription; queued items are dropped.</summary>
    public abstract Task UnsubscribeAsync();
}

/// <summary>A named stream provider.</summary>
public interface IStreamProvider
{
    string Name { get; }

    IAsyncStream<T> GetStream<T>(StreamId streamId);
}

/// <summary>
/// Implicit subscription: every stream of this namespace is delivered to the grain of this class whose key is the
/// stream key; delivery activates the grain. The grain implements <see cref="IStreamSubscriptionObserver"/> (and
/// resumes the handle there) or, more simply, <see cref="IAsyncObserver{T}"/> itself.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class ImplicitStreamSubscriptionAttribute(string streamNamespace) : Attribute
{
    public string Namespace { get; } = streamNamespace;
}

/// <summary>Called on a grain with implicit subscriptions before the first delivery of each stream to an activation.</summary>
public interface IStreamSubscriptionObserver
{
    Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory);
}

/// <summary>Creates the typed handle of an implicit subscription.</summary>
public interface IStreamSubscriptionHandleFactory
{
    StreamId StreamId { get; }

    string ProviderName { get; }

    StreamSubscriptionHandle<T> Create<T>();
}

/// <summary>Convenience subscriptions with delegates.</summary>
public static class AsyncStreamExtensions
{
    public static Task<StreamSubscriptionHandle<T>> SubscribeAsync<T>(this IAsyncStream<T> stream, Func<T, StreamSequenceToken?, Task> onNext, Func<Exception, Task>? onError = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return stream.SubscribeAsync(new DelegateObserver<T>(onNext, onError));
    }

    public static Task<StreamSubscriptionHandle<T>> ResumeAsync<T>(this StreamSubscriptionHandle<T> handle, Func<T, StreamSequenceToken?, Task> onNext, Func<Exception, Task>? onError = null)
    {
        ArgumentNullException.ThrowIfNull(handle);
        return handle.ResumeAsync(new DelegateObserver<T>(onNext, onError));
    }

    private sealed class DelegateObserver<T>(Func<T, StreamSequenceToken?, Task> onNext, Func<Exception, Task>? onError) : IAsyncObserver<T>
    {
        public Task OnNextAsync(T item, StreamSequenceToken? token = null) => onNext(item, token);

        public Task OnErrorAsync(Exception ex) => onError?.Invoke(ex) ?? Task.CompletedTask;
    }
}
