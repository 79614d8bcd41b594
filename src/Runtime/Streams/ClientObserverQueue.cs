using TradingBot.Runtime.Core;

namespace TradingBot.Runtime.Streams;

/// <summary>Serial executor for a subscription made outside grains (host code), so its observer also sees one item at a time.</summary>
internal sealed class ClientObserverQueue(GrainRuntime runtime, IStreamObserverAdapter observer) : WorkQueue(runtime.WorkScheduler)
{
    public IStreamObserverAdapter Observer { get; set; } = observer;

    public void Deliver(Subscription subscription, Envelope envelope) =>
        Post(static s =>
        {
            var (queue, sub, env) = ((ClientObserverQueue, Subscription, Envelope))s!;
            _ = queue.DeliverAsync(sub, env);
        }, (this, subscription, envelope));

    public void NotifyError(Exception error) =>
        Post(static s =>
        {
            var (queue, err) = ((ClientObserverQueue, Exception))s!;
            _ = queue.NotifyErrorAsync(err);
        }, (this, error));

    protected override void OnUnhandledWorkItemException(Exception exception) => runtime.Log.DeadLetterSinkFailed(exception);

    private async Task DeliverAsync(Subscription subscription, Envelope envelope)
    {
        Exception? error = null;
        try
        {
            await Observer.OnNextAsync(envelope.Item, envelope.Token);
        }
        catch (Exception ex)
        {
            error = ex;
        }

        subscription.OnDeliveryCompleted(envelope, error);
    }

    private async Task NotifyErrorAsync(Exception error)
    {
        try
        {
            await Observer.OnErrorAsync(error);
        }
        catch (Exception ex)
        {
            runtime.Log.DeadLetterSinkFailed(ex);
        }
    }
}
