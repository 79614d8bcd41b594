using System.Reflection;

namespace TradingBot.Runtime;

/// <summary>What a grain call filter sees about a call.</summary>
public interface IGrainCallContext
{
    /// <summary>The grain instance (incoming) or the reference being called (outgoing).</summary>
    object? Grain { get; }

    /// <summary>The calling grain, when the call came from a grain.</summary>
    GrainId? SourceId { get; }

    GrainId TargetId { get; }

    Type InterfaceType { get; }

    string InterfaceName { get; }

    string MethodName { get; }

    MethodInfo InterfaceMethod { get; }

    /// <summary>The call arguments (never copied: arguments must be immutable).</summary>
    IReadOnlyList<object?> Arguments { get; }

    /// <summary>The result after <see cref="Invoke"/>; a filter may replace it.</summary>
    object? Result { get; set; }

    /// <summary>Runs the next filter, or the call itself.</summary>
    Task Invoke();
}

/// <summary>Context of a call as it arrives at the target activation.</summary>
public interface IIncomingGrainCallContext : IGrainCallContext
{
    MethodInfo ImplementationMethod { get; }

    IGrainContext TargetContext { get; }
}

/// <summary>Context of a call as it leaves the caller.</summary>
public interface IOutgoingGrainCallContext : IGrainCallContext
{
}

/// <summary>Runs on the target activation, inside the turn, around every grain call. Must await <c>context.Invoke()</c>.</summary>
public interface IIncomingGrainCallFilter
{
    Task Invoke(IIncomingGrainCallContext context);
}

/// <summary>Runs on the caller around every grain call it sends. Must await <c>context.Invoke()</c>.</summary>
public interface IOutgoingGrainCallFilter
{
    Task Invoke(IOutgoingGrainCallContext context);
}
