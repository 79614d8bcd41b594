namespace TradingBot.Operations.Alerts.Outbox;

/// <summary>
/// A level-triggered wake-up: <see cref="Set"/> completes the current task; the waiter calls <see cref="Reset"/>
/// before looking at the queue, so a Set that races with the look is never lost.
/// </summary>
internal sealed class WakeSignal
{
    private TaskCompletionSource _current = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task WaitAsync() => Volatile.Read(ref _current).Task;

    public void Set() => Volatile.Read(ref _current).TrySetResult();

    public void Reset()
    {
        var current = Volatile.Read(ref _current);
        if (current.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref _current, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), current);
        }
    }
}
