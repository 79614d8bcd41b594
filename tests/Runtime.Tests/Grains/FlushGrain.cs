namespace TradingBot.Runtime.Tests.Grains;

public sealed class FlushState
{
    public int Value { get; set; }
}

public interface IFlushGrain : IGrainWithStringKey
{
    Task Set(int value);
}

/// <summary>Keeps its value in memory and writes it only on deactivation (to observe shutdown flushing).</summary>
public sealed class FlushGrain([PersistentState("flush", "sqlite")] IPersistentState<FlushState> state) : Grain, IFlushGrain
{
    public Task Set(int value)
    {
        state.State.Value = value;
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => state.WriteStateAsync(cancellationToken);
}
