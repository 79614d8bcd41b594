using TradingBot.Runtime.Streams;
using TradingBot.Runtime.Tests.Support;

namespace TradingBot.Runtime.Tests.Grains;

/// <summary>Market-data-like item.</summary>
public sealed record Tick(int Value, string? Gate = null, bool Poison = false);

/// <summary>A critical system event: overtakes queued market data.</summary>
[Priority(MessagePriority.Critical)]
public sealed record EmergencyStop(string Reason);

public interface ITickConsumerGrain : IGrainWithStringKey
{
    Task<int> MaxConcurrency();

    Task Block(string gate);
}

/// <summary>Implicit subscriber using the Orleans hook (IStreamSubscriptionObserver).</summary>
[ImplicitStreamSubscription("ticks")]
[ImplicitStreamSubscription("system")]
public sealed class TickConsumerGrain(TestProbe probe) : Grain, ITickConsumerGrain, IStreamSubscriptionObserver
{
    private int _inside;
    private int _max;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Activated(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        if (handleFactory.StreamId.Namespace == "system")
        {
            await handleFactory.Create<EmergencyStop>().ResumeAsync((stop, _) =>
            {
                probe.Record("stop:" + stop.Reason);
                return Task.CompletedTask;
            });
            return;
        }

        await handleFactory.Create<Tick>().ResumeAsync(OnTick, OnError);
    }

    public Task<int> MaxConcurrency() => Task.FromResult(_max);

    public Task Block(string gate) => probe.Gate(gate);

    private async Task OnTick(Tick tick, StreamSequenceToken? token)
    {
        var key = this.GetPrimaryKeyString();
        _inside++;
        _max = Math.Max(_max, _inside);
        try
        {
            probe.Record($"{key}:{tick.Value}:{token!.SequenceNumber}");
            if (tick.Gate is not null)
            {
                await probe.Gate(tick.Gate);
            }
            else
            {
                await Task.Yield();
            }

            if (tick.Poison)
            {
                throw new InvalidOperationException("poison " + tick.Value);
            }
        }
        finally
        {
            _inside--;
        }

        probe.Raise($"tick:{key}:{tick.Value}");
    }

    private Task OnError(Exception ex)
    {
        probe.Record($"error:{this.GetPrimaryKeyString()}:{ex.Message}");
        probe.Raise("error:" + this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }
}

public interface ISimpleSinkGrain : IGrainWithStringKey
{
}

/// <summary>Implicit subscriber using the simpler hook: the grain is the observer.</summary>
[ImplicitStreamSubscription("simple")]
public sealed class SimpleSinkGrain(TestProbe probe) : Grain, ISimpleSinkGrain, IAsyncObserver<Tick>
{
    public Task OnNextAsync(Tick item, StreamSequenceToken? token = null)
    {
        probe.Record($"simple:{this.GetPrimaryKeyString()}:{item.Value}");
        probe.Raise($"simple:{this.GetPrimaryKeyString()}:{item.Value}");
        return Task.CompletedTask;
    }

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}

public interface IExplicitSubscriberGrain : IGrainWithStringKey
{
    Task Subscribe();
}

/// <summary>Explicit subscription to stream ("explicit", own key), resumed on every activation.</summary>
public sealed class ExplicitSubscriberGrain(TestProbe probe) : Grain, IExplicitSubscriberGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Activated("explicit:" + this.GetPrimaryKeyString());
        foreach (var handle in await Stream().GetAllSubscriptionHandles())
        {
            await handle.ResumeAsync(OnTick);
        }
    }

    public async Task Subscribe()
    {
        if ((await Stream().GetAllSubscriptionHandles()).Count == 0)
        {
            await Stream().SubscribeAsync(OnTick);
        }
    }

    private IAsyncStream<Tick> Stream() => this.GetStreamProvider("mem").GetStream<Tick>(StreamId.Create("explicit", this.GetPrimaryKeyString()));

    private Task OnTick(Tick tick, StreamSequenceToken? token)
    {
        probe.Record($"explicit:{tick.Value}");
        probe.Raise($"explicit:{tick.Value}");
        return Task.CompletedTask;
    }
}

public interface IReentrantTickSinkGrain : IGrainWithStringKey
{
    Task<int> MaxConcurrency();
}

/// <summary>
/// Reentrant consumer: the grain would happily run deliveries side by side, so only the subscription's
/// one-item-in-flight rule keeps them sequential.
/// </summary>
[Reentrant]
[ImplicitStreamSubscription("rticks")]
public sealed class ReentrantTickSinkGrain(TestProbe probe) : Grain, IReentrantTickSinkGrain, IAsyncObserver<Tick>
{
    private int _inside;
    private int _max;

    public async Task OnNextAsync(Tick item, StreamSequenceToken? token = null)
    {
        _inside++;
        _max = Math.Max(_max, _inside);
        probe.Record($"r:{item.Value}");
        await Task.Yield();
        await Task.Yield();
        _inside--;
        probe.Raise($"r:{this.GetPrimaryKeyString()}:{item.Value}");
    }

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    public Task<int> MaxConcurrency() => Task.FromResult(_max);
}
