using TradingBot.Runtime.Streams;
using TradingBot.Runtime.Tests.Support;

namespace TradingBot.Runtime.Tests.Grains;

public interface IRelayGrain : IGrainWithStringKey
{
    Task<int> Relay(int n);
}

/// <summary>Calls a counter, publishes to a stream and records what it saw.</summary>
public sealed class RelayGrain(TestProbe probe) : Grain, IRelayGrain
{
    public async Task<int> Relay(int n)
    {
        var count = await GrainFactory.GetGrain<ICounterGrain>("shared-" + (n % 3)).Increment();
        await this.GetStreamProvider("mem").GetStream<Tick>(StreamId.Create("simple", "r" + (n % 2))).OnNextAsync(new Tick(n));
        probe.Record($"relay:{this.GetPrimaryKeyString()}:{n}:{count}");
        return count;
    }
}

public interface IFanOutGrain : IGrainWithStringKey
{
    Task<int> Run(int calls);
}

/// <summary>Fans concurrent calls out to several relays, so the interleaving depends on scheduling order.</summary>
public sealed class FanOutGrain : Grain, IFanOutGrain
{
    public async Task<int> Run(int calls)
    {
        var results = await Task.WhenAll(Enumerable.Range(0, calls).Select(i => GrainFactory.GetGrain<IRelayGrain>("relay-" + (i % 4)).Relay(i)));
        return results.Sum();
    }
}
