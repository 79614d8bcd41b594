using System.Linq.Expressions;
using System.Reflection;
using TradingBot.Runtime.Metrics;

namespace TradingBot.Runtime.Core;

/// <summary>One interface method bound to one grain class: invoker, admission flags, lane, timeout and stats.</summary>
internal abstract class MethodBinding
{
    private long _timeoutTicks = -1;

    protected MethodBinding(GrainInterfaceBinding owner, MethodInfo interfaceMethod, TimeSpan defaultTimeout)
    {
        Owner = owner;
        InterfaceMethod = interfaceMethod;
        Name = interfaceMethod.Name;
        var map = owner.Class.ClassType.GetInterfaceMap(interfaceMethod.DeclaringType!);
        var index = Array.IndexOf(map.InterfaceMethods, interfaceMethod);
        ImplementationMethod = index >= 0 ? map.TargetMethods[index] : interfaceMethod;
        var flags = MessageFlags.Activity | MessageFlags.Redispatch | MessageFlags.Request;
        if (interfaceMethod.IsDefined(typeof(AlwaysInterleaveAttribute), true))
        {
            flags |= MessageFlags.AlwaysInterleave;
        }

        if (interfaceMethod.IsDefined(typeof(ReadOnlyAttribute), true))
        {
            flags |= MessageFlags.ReadOnly;
        }

        Flags = flags;
        Priority = interfaceMethod.GetCustomAttribute<PriorityAttribute>()?.Priority ?? MessagePriority.Normal;
        var parameters = interfaceMethod.GetParameters();
        // Only look at the argument when its static type could carry IHasPriority.
        PriorityFromFirstArgument = parameters.Length > 0
            && (typeof(IHasPriority).IsAssignableFrom(parameters[0].ParameterType)
                || (!parameters[0].ParameterType.IsValueType && !parameters[0].ParameterType.IsSealed));
        Timeout = interfaceMethod.GetCustomAttribute<ResponseTimeoutAttribute>()?.Timeout ?? defaultTimeout;
        var noProfiling = owner.Class.NoProfiling || interfaceMethod.IsDefined(typeof(NoProfilingAttribute), true);
        Stats = owner.Class.Stats.ForMethod(Name, noProfiling);
    }

    public GrainInterfaceBinding Owner { get; }

    public MethodInfo InterfaceMethod { get; }

    public MethodInfo ImplementationMethod { get; }

    public string Name { get; }

    public MessageFlags Flags { get; }

    public MessagePriority Priority { get; }

    public bool PriorityFromFirstArgument { get; }

    public TimeSpan Timeout { get; }

    public MethodStats Stats { get; }

    /// <summary><see cref="Timeout"/> in ticks of <paramref name="runtime"/>'s clock (a binding belongs to one runtime).</summary>
    public long TimeoutTicks(GrainRuntime runtime)
    {
        var ticks = _timeoutTicks;
        if (ticks < 0)
        {
            _timeoutTicks = ticks = runtime.ToTimestampTicks(Timeout);
        }

        return ticks;
    }

    public MessagePriority ResolvePriority(object?[] args) =>
        PriorityFromFirstArgument && args.Length > 0 && args[0] is IHasPriority p ? p.Priority : Priority;

    /// <summary>Sends a call through the runtime; returns the Task typed as the interface method's return type.</summary>
    public abstract object Send(GrainProxy proxy, object?[] args);

    public static MethodBinding Create(GrainInterfaceBinding owner, MethodInfo method, TimeSpan defaultTimeout)
    {
        var returnType = method.ReturnType;
        if (returnType == typeof(Task))
        {
            return new MethodBinding<VoidResult>(owner, method, defaultTimeout, BuildVoidInvoker(method));
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var resultType = returnType.GetGenericArguments()[0];
            var bindingType = typeof(MethodBinding<>).MakeGenericType(resultType);
            var invoker = BuildInvoker(method, typeof(Func<,,>).MakeGenericType(typeof(object), typeof(object?[]), returnType));
            return (MethodBinding)Activator.CreateInstance(bindingType, owner, method, defaultTimeout, invoker)!;
        }

        throw new GrainRuntimeConfigurationException(
            $"{method.DeclaringType!.Name}.{method.Name} returns {returnType.Name}; grain methods must return Task or Task<T>.");
    }

    private static Func<object, object?[], Task<VoidResult>> BuildVoidInvoker(MethodInfo method)
    {
        var raw = (Func<object, object?[], Task>)BuildInvoker(method, typeof(Func<object, object?[], Task>));
        return (grain, args) =>
        {
            var task = raw(grain, args);
            return task.IsCompletedSuccessfully ? VoidResult.CompletedTask : AwaitVoid(task);
        };
    }

    private static async Task<VoidResult> AwaitVoid(Task task)
    {
        await task;
        return default;
    }

    private static Delegate BuildInvoker(MethodInfo method, Type delegateType)
    {
        var grain = Expression.Parameter(typeof(object), "grain");
        var args = Expression.Parameter(typeof(object?[]), "args");
        var parameters = method.GetParameters();
        var arguments = new Expression[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            arguments[i] = Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), parameters[i].ParameterType);
        }

        var call = Expression.Call(Expression.Convert(grain, method.DeclaringType!), method, arguments);
        return Expression.Lambda(delegateType, call, grain, args).Compile();
    }
}

/// <summary>Typed binding; <typeparamref name="T"/> is <see cref="VoidResult"/> for methods returning plain Task.</summary>
internal sealed class MethodBinding<T> : MethodBinding
{
    public MethodBinding(GrainInterfaceBinding owner, MethodInfo interfaceMethod, TimeSpan defaultTimeout, Func<object, object?[], Task<T>> invoker)
        : base(owner, interfaceMethod, defaultTimeout)
    {
        Invoker = invoker;
    }

    // One recycled request (deterministic mode, touched only by the thread holding the pump): calls of one method
    // follow each other, so a single slot serves nearly all of them; a nested call of the same method allocates.
    private GrainCallRequest<T>? _free;

    public Func<object, object?[], Task<T>> Invoker { get; }

    public override object Send(GrainProxy proxy, object?[] args) => proxy.Runtime.SendRequest(proxy, this, args);

    /// <summary>A request for a new call, recycled when one is free (deterministic pump only).</summary>
    public GrainCallRequest<T> Rent(object?[] args, GrainId target, Message? caller, MessagePriority priority)
    {
        var request = _free;
        if (request is null)
        {
            return new GrainCallRequest<T>(this, args, target, caller, priority, TaskCreationOptions.None);
        }

        _free = null;
        request.Reuse(args, target, caller, priority);
        return request;
    }

    /// <summary>Takes a finished request back when nothing can reach it any more (deterministic pump only).</summary>
    public void Return(GrainCallRequest<T> request)
    {
        if (!request.IsRecyclable)
        {
            return;
        }

        request.Clear();
        _free ??= request;
    }
}

/// <summary>Result type of methods returning plain <see cref="Task"/>.</summary>
internal readonly struct VoidResult
{
    public static readonly Task<VoidResult> CompletedTask = Task.FromResult(default(VoidResult));
}

/// <summary>A grain interface bound to the class that implements it.</summary>
internal sealed class GrainInterfaceBinding
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<MethodInfo, MethodBinding> _methods = new(ReferenceEqualityComparer.Instance);

    public GrainInterfaceBinding(Type grainInterface, GrainClassInfo grainClass, TimeSpan defaultTimeout)
    {
        Interface = grainInterface;
        Class = grainClass;
        var all = new[] { grainInterface }.Concat(grainInterface.GetInterfaces());
        foreach (var method in all.SelectMany(i => i.GetMethods()))
        {
            _methods[method] = MethodBinding.Create(this, method, defaultTimeout);
        }
    }

    public Type Interface { get; }

    public GrainClassInfo Class { get; }

    public MethodBinding GetMethod(MethodInfo method) => _methods.TryGetValue(method, out var binding) ? binding : FindSlow(method);

    private MethodBinding FindSlow(MethodInfo method)
    {
        // Reflection normally hands out one MethodInfo per method; fall back to handle equality if it did not.
        foreach (var pair in _methods)
        {
            if (pair.Key.MethodHandle.Equals(method.MethodHandle))
            {
                _methods[method] = pair.Value;
                return pair.Value;
            }
        }

        throw new InvalidOperationException($"{method.Name} is not a method of grain interface {Interface.Name}.");
    }
}
