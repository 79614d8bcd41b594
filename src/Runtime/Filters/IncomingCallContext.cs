using System.Reflection;
using TradingBot.Runtime.Core;

namespace TradingBot.Runtime.Filters;

/// <summary>Incoming pipeline: silo-wide filters in registration order, then the grain's own filter, then the method.</summary>
internal sealed class IncomingCallContext<T> : IIncomingGrainCallContext
{
    private readonly Activation _activation;
    private readonly GrainCallRequest<T> _request;
    private readonly IReadOnlyList<IIncomingGrainCallFilter> _filters;
    private int _next;

    private IncomingCallContext(Activation activation, GrainCallRequest<T> request)
    {
        _activation = activation;
        _request = request;
        _filters = activation.Runtime.IncomingFilters;
    }

    public object? Grain => _activation.Instance;

    public GrainId? SourceId => _request.Caller?.Activation?.GrainId;

    public GrainId TargetId => _request.Target;

    public Type InterfaceType => _request.Method.Owner.Interface;

    public string InterfaceName => InterfaceType.Name;

    public string MethodName => _request.Method.Name;

    public MethodInfo InterfaceMethod => _request.Method.InterfaceMethod;

    public MethodInfo ImplementationMethod => _request.Method.ImplementationMethod;

    public IGrainContext TargetContext => _activation;

    public IReadOnlyList<object?> Arguments => _request.Arguments;

    public object? Result { get; set; }

    public static async Task<T> InvokeAsync(Activation activation, GrainCallRequest<T> request)
    {
        var context = new IncomingCallContext<T>(activation, request);
        await context.Invoke();
        return context.Result is T typed ? typed : default!;
    }

    public async Task Invoke()
    {
        var index = _next++;
        if (index < _filters.Count)
        {
            await _filters[index].Invoke(this);
            return;
        }

        if (index == _filters.Count && _activation.Class.IsIncomingFilter)
        {
            await ((IIncomingGrainCallFilter)_activation.Instance!).Invoke(this);
            return;
        }

        Result = await _request.Method.Invoker(_activation.Instance!, _request.Arguments);
    }
}

/// <summary>Outgoing pipeline: filters in registration order, then the send.</summary>
internal sealed class OutgoingCallContext<T> : IOutgoingGrainCallContext
{
    private readonly GrainProxy _proxy;
    private readonly MethodBinding<T> _method;
    private readonly object?[] _arguments;
    private readonly IReadOnlyList<IOutgoingGrainCallFilter> _filters;
    private int _next;

    private OutgoingCallContext(GrainProxy proxy, MethodBinding<T> method, object?[] arguments)
    {
        _proxy = proxy;
        _method = method;
        _arguments = arguments;
        _filters = proxy.Runtime.OutgoingFilters;
        SourceId = CallChain.Current()?.Activation?.GrainId;
    }

    public object? Grain => _proxy;

    public GrainId? SourceId { get; }

    public GrainId TargetId => _proxy.GrainId;

    public Type InterfaceType => _method.Owner.Interface;

    public string InterfaceName => InterfaceType.Name;

    public string MethodName => _method.Name;

    public MethodInfo InterfaceMethod => _method.InterfaceMethod;

    public IReadOnlyList<object?> Arguments => _arguments;

    public object? Result { get; set; }

    public static async Task<T> InvokeAsync(GrainProxy proxy, MethodBinding<T> method, object?[] arguments)
    {
        var context = new OutgoingCallContext<T>(proxy, method, arguments);
        await context.Invoke();
        return context.Result is T typed ? typed : default!;
    }

    public async Task Invoke()
    {
        var index = _next++;
        if (index < _filters.Count)
        {
            await _filters[index].Invoke(this);
            return;
        }

        Result = await _proxy.Runtime.SendCore(_proxy, _method, _arguments);
    }
}
