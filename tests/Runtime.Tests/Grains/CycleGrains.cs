using System.Collections.Immutable;

namespace TradingBot.Runtime.Tests.Grains;

public interface ICycleOps
{
    /// <summary>Calls the grain at <c>path[index]</c>, which continues along the path.</summary>
    Task<int> Hop(ImmutableArray<string> path, int index);
}

public interface ICycleGrain : ICycleOps, IGrainWithStringKey
{
}

public interface IReentrantCycleGrain : ICycleOps, IGrainWithStringKey
{
}

public abstract class CycleGrainBase : Grain
{
    public async Task<int> Hop(ImmutableArray<string> path, int index)
    {
        if (index >= path.Length)
        {
            return index;
        }

        return await Next(path[index]).Hop(path, index + 1);
    }

    protected abstract ICycleOps Next(string key);
}

public sealed class CycleGrain : CycleGrainBase, ICycleGrain
{
    protected override ICycleOps Next(string key) => GrainFactory.GetGrain<ICycleGrain>(key);
}

[Reentrant]
public sealed class ReentrantCycleGrain : CycleGrainBase, IReentrantCycleGrain
{
    protected override ICycleOps Next(string key) => GrainFactory.GetGrain<IReentrantCycleGrain>(key);
}
