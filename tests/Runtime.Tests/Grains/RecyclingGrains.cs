using System.Collections.Concurrent;
using TradingBot.Runtime.Core;
using TradingBot.Runtime.Streams;
using TradingBot.Runtime.Tests.Support;

namespace TradingBot.Runtime.Tests.Grains;

/// <summary>Remembers which runtime message carried each turn, so tests can see when a message object is reused.</summary>
public sealed class MessageSpy
{
    private readonly ConcurrentDictionary<string, object> _messages = new();

    /// <summary>Called from a grain turn: the message carrying it (the call-chain node the runtime sees).</summary>
    public void Capture(string label) => _messages[label] = CallChain.Current() ?? throw new InvalidOperationException("No message carries this turn.");

    public object this[string label] => _messages[label];
}

public interface IMessageSpyGrain : IGrainWithStringKey
{
    /// <summary>Answers synchronously.</summary>
    Task<int> Echo(string label, int value);

    /// <summary>Fails synchronously (a faulted task).</summary>
    Task<int> Fail(string label);

    /// <summary>Answers after the probe's gate <paramref name="gate"/> opens.</summary>
    Task<int> EchoLater(string label, string gate, int value);

    /// <summary>Starts <c>EchoLater</c> on another grain without awaiting it, and answers synchronously.</summary>
    Task<int> StartSlow(string label, string target, string gate);

    /// <summary>Calls <c>Echo</c> on another grain and answers with its result.</summary>
    Task<int> CallEcho(string label, string target, int value);

    [ReadOnly]
    Task<int> Peek(string label, int value);
}

public sealed class MessageSpyGrain(MessageSpy spy, TestProbe probe) : Grain, IMessageSpyGrain
{
    public Task<int> Echo(string label, int value)
    {
        spy.Capture(label);
        return Task.FromResult(value);
    }

    public Task<int> Fail(string label)
    {
        spy.Capture(label);
        return Task.FromException<int>(new InvalidOperationException("fail " + label));
    }

    public async Task<int> EchoLater(string label, string gate, int value)
    {
        spy.Capture(label);
        await probe.Gate(gate);
        return value;
    }

    public Task<int> StartSlow(string label, string target, string gate)
    {
        spy.Capture(label);
        _ = GrainFactory.GetGrain<IMessageSpyGrain>(target).EchoLater(label + "/child", gate, 1);
        return Task.FromResult(0);
    }

    public async Task<int> CallEcho(string label, string target, int value)
    {
        spy.Capture(label);
        return await GrainFactory.GetGrain<IMessageSpyGrain>(target).Echo(label + "/echo", value);
    }

    public Task<int> Peek(string label, int value) => Echo(label, value);
}

public interface ISpyTickSinkGrain : IGrainWithStringKey
{
}

/// <summary>
/// Implicit subscriber of "spyticks": records each item, captures the delivery message, and per item either calls a
/// grain synchronously (<see cref="Tick.Gate"/> null) or starts a call that waits for that gate without awaiting it.
/// </summary>
[ImplicitStreamSubscription("spyticks")]
public sealed class SpyTickSinkGrain(MessageSpy spy, TestProbe probe) : Grain, ISpyTickSinkGrain, IAsyncObserver<Tick>
{
    public async Task OnNextAsync(Tick item, StreamSequenceToken? token = null)
    {
        var label = $"tick:{item.Value}";
        spy.Capture(label);
        probe.Record(label);
        if (item.Gate is null)
        {
            await GrainFactory.GetGrain<IMessageSpyGrain>("echo-" + this.GetPrimaryKeyString()).Echo(label + "/echo", item.Value);
        }
        else
        {
            // A grain of its own, so the echo grain stays free for the next items.
            _ = GrainFactory.GetGrain<IMessageSpyGrain>("later-" + this.GetPrimaryKeyString()).EchoLater(label + "/later", item.Gate, item.Value);
        }
    }

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
