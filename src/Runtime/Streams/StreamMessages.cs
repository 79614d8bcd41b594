using TradingBot.Runtime.Core;

namespace TradingBot.Runtime.Streams;

/// <summary>Delivery of one stream item to a grain, as a turn. It activates the grain if needed.</summary>
/// <remarks>
/// A subscription has one item in flight, so it reuses its delivery message for the next item whenever
/// <see cref="Message.IsReusable"/> allows (see <see cref="Subscription"/>).
/// </remarks>
internal sealed class StreamDeliveryMessage(Subscription subscription, Envelope envelope, MessagePriority priority)
    : Message(MessageFlags.Activity | MessageFlags.Redispatch | MessageFlags.BypassCapacity, priority, caller: null)
{
    private Envelope _envelope = envelope;

    public override GrainId Target => subscription.Grain;

    public override string MethodName => $"[stream {subscription.Stream.Id}]";

    /// <summary>Makes this finished delivery the delivery of the subscription's next item.</summary>
    public void Reuse(Envelope next, MessagePriority nextPriority)
    {
        ResetForReuse(nextPriority, caller: null);
        _envelope = next;
    }

    public override Task InvokeAsync(Activation activation)
    {
        var envelope = _envelope;
        if (subscription.TryGetObserver(activation, out var observer))
        {
            return observer.OnNextAsync(envelope.Item, envelope.Token);
        }

        return FirstDeliveryAsync(activation, envelope);
    }

    public override void Complete(Task invocation) =>
        subscription.OnDeliveryCompleted(_envelope, invocation.IsFaulted ? invocation.Exception!.InnerException : invocation.IsCanceled ? new TaskCanceledException() : null);

    public override void Fail(Exception exception) => subscription.OnDeliveryCompleted(_envelope, exception);

    private async Task FirstDeliveryAsync(Activation activation, Envelope envelope)
    {
        var observer = await StreamObservers.ResolveAsync(activation, subscription, envelope.Item.GetType());
        await observer.OnNextAsync(envelope.Item, envelope.Token);
    }
}

/// <summary>Tells a grain's observer that an item was dead-lettered (fire and forget).</summary>
internal sealed class StreamErrorMessage(Subscription subscription, Exception error)
    : Message(MessageFlags.Redispatch | MessageFlags.BypassCapacity, MessagePriority.High, caller: null)
{
    public override GrainId Target => subscription.Grain;

    public override string MethodName => $"[stream-error {subscription.Stream.Id}]";

    public override async Task InvokeAsync(Activation activation)
    {
        var observer = await StreamObservers.ResolveAsync(activation, subscription, typeof(object));
        await observer.OnErrorAsync(error);
    }

    public override void Complete(Task invocation)
    {
        if (invocation.IsFaulted)
        {
            subscription.Stream.Provider.Runtime.Log.DeliveryFailed(invocation.Exception!.InnerException!, subscription.Stream.Id.ToString(), subscription.Subscriber, 0);
        }
    }

    public override void Fail(Exception exception)
    {
    }
}

/// <summary>Finds the observer of a subscription on an activation, running the implicit-subscription hook once.</summary>
internal static class StreamObservers
{
    public static async Task<IStreamObserverAdapter> ResolveAsync(Activation activation, Subscription subscription, Type itemType)
    {
        if (activation.TryGetStreamObserver(subscription.Id, out var observer))
        {
            return observer;
        }

        if (subscription.Kind == SubscriptionKind.Implicit)
        {
            if (activation.Instance is IStreamSubscriptionObserver hook)
            {
                await hook.OnSubscribed(new HandleFactory(subscription));
                if (activation.TryGetStreamObserver(subscription.Id, out observer))
                {
                    return observer;
                }
            }
            else if (GrainAsObserver.TryCreate(activation.Instance!, itemType) is { } self)
            {
                activation.SetStreamObserver(subscription.Id, self);
                return self;
            }
        }

        throw new InvalidOperationException(
            $"{activation.GrainId} has no observer for subscription {subscription.Id:N} on {subscription.Stream.Id}. " +
            (subscription.Kind == SubscriptionKind.Implicit
                ? "Resume the handle in IStreamSubscriptionObserver.OnSubscribed, or implement IAsyncObserver<T> on the grain."
                : "Resume explicit subscriptions in OnActivateAsync (GetAllSubscriptionHandles + ResumeAsync)."));
    }

    private sealed class HandleFactory(Subscription subscription) : IStreamSubscriptionHandleFactory
    {
        public StreamId StreamId => subscription.Stream.Id;

        public string ProviderName => subscription.Stream.Provider.Name;

        public StreamSubscriptionHandle<T> Create<T>() => new SubscriptionHandle<T>(subscription);
    }
}
