using TradingBot.Runtime.Tests.Support;

namespace TradingBot.Runtime.Tests.Grains;

/// <summary>A call argument that picks its own lane.</summary>
public sealed record PrioritizedCommand(string Name, MessagePriority Priority) : IHasPriority;

public interface IGatedOps
{
    /// <summary>Records start, waits for the gate named <paramref name="name"/>, records end.</summary>
    Task Work(string name);

    [ReadOnly]
    Task Read(string name);

    /// <summary>Same as Work with a 1-second response timeout.</summary>
    [ResponseTimeout(1)]
    Task WorkBriefly(string name);

    [AlwaysInterleave]
    Task Peek(string name);

    [Priority(MessagePriority.Critical)]
    Task Urgent(string name);

    Task Command(PrioritizedCommand command);

    /// <summary>Yields a few times while counting how many calls are inside at once.</summary>
    Task Spin();

    Task<int> MaxConcurrency();
}

public interface IGatedGrain : IGatedOps, IGrainWithStringKey
{
}

public interface IReentrantGatedGrain : IGatedOps, IGrainWithStringKey
{
}

public abstract class GatedGrainBase(TestProbe probe) : Grain
{
    private int _inside;
    private int _max;

    public async Task Work(string name)
    {
        Enter();
        probe.Record("start:" + name);
        probe.Raise("started:" + name);
        await probe.Gate(name);
        probe.Record("end:" + name);
        Exit();
    }

    public Task Read(string name) => Work(name);

    public Task WorkBriefly(string name) => Work(name);

    public Task Peek(string name)
    {
        probe.Record("peek:" + name);
        return Task.CompletedTask;
    }

    public Task Urgent(string name)
    {
        probe.Record("urgent:" + name);
        return Task.CompletedTask;
    }

    public Task Command(PrioritizedCommand command)
    {
        probe.Record("command:" + command.Name);
        return Task.CompletedTask;
    }

    public async Task Spin()
    {
        Enter();
        for (var i = 0; i < 3; i++)
        {
            await Task.Yield();
        }

        Exit();
    }

    public Task<int> MaxConcurrency() => Task.FromResult(_max);

    private void Enter()
    {
        _inside++;
        _max = Math.Max(_max, _inside);
    }

    private void Exit() => _inside--;
}

public sealed class GatedGrain(TestProbe probe) : GatedGrainBase(probe), IGatedGrain
{
}

[Reentrant]
public sealed class ReentrantGatedGrain(TestProbe probe) : GatedGrainBase(probe), IReentrantGatedGrain
{
}
