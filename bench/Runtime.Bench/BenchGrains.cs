using TradingBot.Runtime.Streams;

namespace TradingBot.Runtime.Bench;

/// <summary>The call target.</summary>
public interface IPingGrain : IGrainWithStringKey
{
    Task<int> Ping(int value);
}

/// <summary>Returns synchronously, so the bench measures the runtime, not the grain.</summary>
public sealed class PingGrain : Grain, IPingGrain
{
    public Task<int> Ping(int value) => Task.FromResult(value + 1);
}

/// <summary>Same as <see cref="PingGrain"/> without the runtime: the direct-call baseline.</summary>
public sealed class DirectPing : IPingGrain
{
    public Task<int> Ping(int value) => Task.FromResult(value + 1);
}

/// <summary>Calls another grain in a loop (grain-to-grain calls).</summary>
public interface IDriverGrain : IGrainWithStringKey
{
    Task<long> Drive(string targetKey, int calls);
}

public sealed class DriverGrain : Grain, IDriverGrain
{
    public async Task<long> Drive(string targetKey, int calls)
    {
        var target = GrainFactory.GetGrain<IPingGrain>(targetKey);
        long sum = 0;
        for (var i = 0; i < calls; i++)
        {
            sum += await target.Ping(i);
        }

        return sum;
    }
}

/// <summary>A market-data-like stream item.</summary>
public sealed record BenchEvent(long Sequence);

/// <summary>Counts deliveries and signals when the expected number arrived.</summary>
public sealed class StreamCounter
{
    private long _received;
    private long _expected = long.MaxValue;
    private TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Expect(long count)
    {
        _received = 0;
        _expected = count;
        _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _done.Task;
    }

    public void Received()
    {
        if (Interlocked.Increment(ref _received) == _expected)
        {
            _done.TrySetResult();
        }
    }
}

/// <summary>Implicit subscriber of namespace "bench".</summary>
[ImplicitStreamSubscription("bench")]
public sealed class StreamSinkGrain(StreamCounter counter) : Grain, IAsyncObserver<BenchEvent>
{
    public Task OnNextAsync(BenchEvent item, StreamSequenceToken? token = null)
    {
        counter.Received();
        return Task.CompletedTask;
    }

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
