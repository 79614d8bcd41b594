using TradingBot.Runtime.Core;

namespace TradingBot.Runtime;

/// <summary>
/// Base class of grain implementations. Constructed through DI (constructor parameters resolve from services;
/// <see cref="PersistentStateAttribute"/> parameters get their state record). The runtime reads state, then runs
/// <see cref="OnActivateAsync"/>, before any request is admitted.
/// </summary>
public abstract class Grain : IAddressable
{
    private readonly Activation? _activation;

    protected Grain()
    {
        _activation = Activation.Constructing;
    }

    /// <summary>The live activation hosting this instance.</summary>
    public IGrainContext GrainContext => Activation;

    /// <summary>Grain references for calls to other grains.</summary>
    protected IGrainFactory GrainFactory => Activation.Runtime.Client;

    internal Activation Activation =>
        _activation ?? throw new InvalidOperationException($"{GetType().Name} was not created by the grain runtime.");

    /// <summary>Runs once, after state is loaded and before the first request.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Best effort: not called on a crash. Persist state when it changes, not here.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivate after the current request; requests queued meanwhile go to a fresh activation.</summary>
    protected void DeactivateOnIdle() => Activation.RequestDeactivateOnIdle();

    /// <summary>Keep this activation alive for at least <paramref name="timeSpan"/>; <see cref="TimeSpan.Zero"/> cancels.</summary>
    protected void DelayDeactivation(TimeSpan timeSpan) => Activation.DelayDeactivation(timeSpan);
}
