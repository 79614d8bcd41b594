using TradingBot.Runtime.Core;

namespace TradingBot.Runtime.Streams;

/// <summary>Handle of a memory-stream subscription.</summary>
internal sealed class SubscriptionHandle<T>(Subscription subscription) : StreamSubscriptionHandle<T>
{
    public override StreamId StreamId => subscription.Stream.Id;

    public override string ProviderName => subscription.Stream.Provider.Name;

    public override Guid HandleId => subscription.Id;

    internal Subscription Subscription => subscription;

    public override Task<StreamSubscriptionHandle<T>> ResumeAsync(IAsyncObserver<T> observer, StreamSequenceToken? token = null)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var adapter = new StreamObserverAdapter<T>(observer);
        if (subscription.Kind == SubscriptionKind.Client)
        {
            subscription.Client!.Observer = adapter;
        }
        else
        {
            var activation = WorkQueue.Current as Activation;
            if (activation is null || activation.GrainId != subscription.Grain)
            {
                throw new InvalidOperationException($"Resume the subscription of {subscription.Grain} from inside that grain.");
            }

            activation.SetStreamObserver(subscription.Id, adapter);
        }

        subscription.Kick();
        return Task.FromResult<StreamSubscriptionHandle<T>>(this);
    }

    public override Task UnsubscribeAsync()
    {
        if (subscription.Kind == SubscriptionKind.Implicit)
        {
            throw new InvalidOperationException("Implicit subscriptions cannot be removed.");
        }

        subscription.MarkRemoved();
        subscription.Stream.Remove(subscription);
        if (WorkQueue.Current is Activation activation && activation.GrainId == subscription.Grain)
        {
            activation.SetStreamObserver(subscription.Id, null);
        }

        return Task.CompletedTask;
    }

    public override bool Equals(object? obj) => obj is SubscriptionHandle<T> other && other.HandleId == HandleId;

    public override int GetHashCode() => HandleId.GetHashCode();
}

/// <summary>Typed stream handle.</summary>
internal sealed class AsyncStream<T>(StreamQueue queue) : IAsyncStream<T>
{
    public StreamId StreamId => queue.Id;

    public string ProviderName => queue.Provider.Name;

    public Task OnNextAsync(T item, StreamSequenceToken? token = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        var runtime = queue.Provider.Runtime;
        if (runtime.IsDeterministic && WorkQueue.Current is null)
        {
            return runtime.RunExternal(static (q, i) => q.Publish(i), queue, (object)item);
        }

        return queue.Publish(item);
    }

    public Task<StreamSubscriptionHandle<T>> SubscribeAsync(IAsyncObserver<T> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var adapter = new StreamObserverAdapter<T>(observer);
        Subscription subscription;
        if (WorkQueue.Current is Activation activation)
        {
            subscription = Subscription.ForGrain(queue, activation.GrainId);
            activation.SetStreamObserver(subscription.Id, adapter);
        }
        else
        {
            subscription = Subscription.ForClient(queue, adapter);
        }

        queue.Add(subscription);
        return Task.FromResult<StreamSubscriptionHandle<T>>(new SubscriptionHandle<T>(subscription));
    }

    public Task<IList<StreamSubscriptionHandle<T>>> GetAllSubscriptionHandles()
    {
        var activation = WorkQueue.Current as Activation;
        IList<StreamSubscriptionHandle<T>> handles = queue.Subscriptions
            .Where(s => activation is null ? s.Kind == SubscriptionKind.Client : s.Kind == SubscriptionKind.ExplicitGrain && s.Grain == activation.GrainId)
            .Select(s => (StreamSubscriptionHandle<T>)new SubscriptionHandle<T>(s))
            .ToList();
        return Task.FromResult(handles);
    }
}
