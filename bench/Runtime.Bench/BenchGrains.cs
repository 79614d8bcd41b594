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

/// <summary>A bar entering the pipeline scenario (like a closed candle on the klines stream).</summary>
public sealed record BenchBar(long Sequence, bool CallGate);

/// <summary>What the source grain publishes per bar (like an indicator snapshot).</summary>
public sealed record BenchView(long Sequence, bool CallGate);

/// <summary>What a pipeline strategy reports per view (like a strategy's verdict to the gate).</summary>
public sealed record BenchVerdict(string Strategy, long Sequence);

/// <summary>Implicit subscriber of "pipe-in": republishes every bar on "pipe-out" (the SymbolGrain's role).</summary>
[ImplicitStreamSubscription("pipe-in")]
public sealed class PipeSourceGrain : Grain, IAsyncObserver<BenchBar>
{
    private IAsyncStream<BenchView> _views = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _views = this.GetStreamProvider("mem").GetStream<BenchView>(StreamId.Create("pipe-out", this.GetPrimaryKeyString()));
        return Task.CompletedTask;
    }

    public Task OnNextAsync(BenchBar item, StreamSequenceToken? token = null) => _views.OnNextAsync(new BenchView(item.Sequence, item.CallGate));

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}

/// <summary>An explicit subscriber of "pipe-out" that calls the gate once per view when asked to (the StrategyGrain's role).</summary>
public interface IPipeStrategyGrain : IGrainWithStringKey
{
    Task Start(string source);
}

public sealed class PipeStrategyGrain : Grain, IPipeStrategyGrain, IAsyncObserver<BenchView>
{
    private IPipeGateGrain _gate = null!;

    public async Task Start(string source)
    {
        _gate = GrainFactory.GetGrain<IPipeGateGrain>(source);
        await this.GetStreamProvider("mem").GetStream<BenchView>(StreamId.Create("pipe-out", source)).SubscribeAsync(this);
    }

    public Task OnNextAsync(BenchView item, StreamSequenceToken? token = null) =>
        item.CallGate ? _gate.Report(new BenchVerdict(this.GetPrimaryKeyString(), item.Sequence)) : Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}

/// <summary>Takes one verdict per strategy and view (the SignalGateGrain's role); answers synchronously.</summary>
public interface IPipeGateGrain : IGrainWithStringKey
{
    Task<int> Report(BenchVerdict verdict);
}

public sealed class PipeGateGrain : Grain, IPipeGateGrain
{
    private static readonly Task<int> s_none = Task.FromResult(0);
    public Task<int> Report(BenchVerdict verdict) => s_none;
}
