using System.Reflection;

namespace TradingBot.Runtime.Core;

/// <summary>A grain reference: a DispatchProxy implementing the grain interface, equal by <see cref="GrainId"/>.</summary>
public class GrainProxy : DispatchProxy, IAddressable, IActivationCache
{
    internal GrainRuntime Runtime { get; private set; } = null!;

    internal GrainInterfaceBinding Binding { get; private set; } = null!;

    internal Activation? CachedActivation { get; set; }

    Activation? IActivationCache.CachedActivation
    {
        get => CachedActivation;
        set => CachedActivation = value;
    }

    /// <summary>Identity of the referenced grain.</summary>
    public GrainId GrainId { get; private set; }

    public override bool Equals(object? obj) => obj is GrainProxy other && other.GrainId == GrainId;

    public override int GetHashCode() => GrainId.GetHashCode();

    public override string ToString() => $"GrainReference:{GrainId}";

    internal void Initialize(GrainRuntime runtime, GrainInterfaceBinding binding, GrainId grainId)
    {
        Runtime = runtime;
        Binding = binding;
        GrainId = grainId;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        Binding.GetMethod(targetMethod!).Send(this, args ?? []);
}
