using TradingBot.Runtime.Filters;

namespace TradingBot.Runtime.Core;

/// <summary>A grain method call waiting for (or running in) its target activation.</summary>
/// <remarks>
/// In deterministic mode a call that completed synchronously on the pump is recycled into its method's pool as soon
/// as the caller has its result task (see <see cref="GrainRuntime"/>): the backtest makes millions of such calls.
/// </remarks>
internal sealed class GrainCallRequest<T> : Message
{
    private readonly TaskCreationOptions _completionOptions;
    private GrainId _target;
    private TaskCompletionSource<T>? _completion;
    private Task<T>? _synchronousResult;

    public GrainCallRequest(MethodBinding<T> method, object?[] arguments, GrainId target, Message? caller, MessagePriority priority, TaskCreationOptions completionOptions)
        : base(method.Flags, priority, caller)
    {
        _completionOptions = completionOptions;
        Method = method;
        Arguments = arguments;
        _target = target;
    }

    public MethodBinding<T> Method { get; }

    public object?[] Arguments { get; private set; }

    public override GrainId Target => _target;

    public override string MethodName => Method.Name;

    /// <summary>
    /// The caller's task. In concurrent mode the completion source exists before dispatch; on the deterministic
    /// single thread it is created lazily so a synchronously completed call costs no extra task.
    /// </summary>
    public Task<T> Task => _synchronousResult ?? (_completion ??= NewCompletion()).Task;

    /// <summary>
    /// True when the call is over, its result task is the grain's own (no completion source anyone could hold) and
    /// nothing can reach the request any more, so it may serve another call.
    /// </summary>
    public bool IsRecyclable => _completion is null && _synchronousResult is not null && IsReusable;

    public void CreateCompletion() => _completion ??= NewCompletion();

    /// <summary>Makes a recycled request the new call (deterministic pump only).</summary>
    public void Reuse(object?[] arguments, GrainId target, Message? caller, MessagePriority priority)
    {
        ResetForReuse(priority, caller);
        Arguments = arguments;
        _target = target;
    }

    /// <summary>Drops every reference of the finished call before the request waits in the pool.</summary>
    public void Clear()
    {
        ReleaseCaller();
        _synchronousResult = null;
        Arguments = [];
    }

    public override Task InvokeAsync(Activation activation)
    {
        var grain = activation.Instance!;
        var stats = Method.Stats;
        var start = stats.Enabled ? stats.Start() : 0;
        Task<T> invocation;
        try
        {
            if (activation.Runtime.HasIncomingFilters || activation.Class.IsIncomingFilter)
            {
                // Filters see (and may keep) the context that references this request.
                Pin();
                invocation = IncomingCallContext<T>.InvokeAsync(activation, this);
            }
            else
            {
                invocation = Method.Invoker(grain, Arguments);
            }
        }
        catch (Exception ex)
        {
            // A grain method that throws before returning its Task fails the call the same way.
            invocation = System.Threading.Tasks.Task.FromException<T>(ex);
        }

        if (!stats.Enabled)
        {
            return invocation;
        }

        if (invocation.IsCompleted)
        {
            stats.Stop(start, !invocation.IsCompletedSuccessfully);
            return invocation;
        }

        return RecordWhenDone(invocation, stats, start);
    }

    public override void Complete(Task invocation)
    {
        if (invocation.IsCompletedSuccessfully && invocation is Task<T> typed)
        {
            if (_completion is null)
            {
                _synchronousResult = typed;
                return;
            }

            _completion.TrySetResult(typed.Result);
            return;
        }

        var completion = _completion ??= NewCompletion();
        if (invocation.IsCanceled)
        {
            completion.TrySetCanceled();
        }
        else if (invocation.Exception is { } aggregate)
        {
            completion.TrySetException(aggregate.InnerExceptions);
        }
        else
        {
            completion.TrySetException(new InvalidOperationException($"{Method.Name} completed without a result of type {typeof(T).Name}."));
        }
    }

    public override void Fail(Exception exception)
    {
        MarkCompleted();
        (_completion ??= NewCompletion()).TrySetException(exception);
    }

    public override void TimeOut(TimeoutException exception)
    {
        if ((_completion ??= NewCompletion()).TrySetException(exception))
        {
            Method.Owner.Class.Stats.RecordTimeout();
        }
    }

    private TaskCompletionSource<T> NewCompletion() => new(_completionOptions);

    private static async Task<T> RecordWhenDone(Task<T> invocation, Metrics.MethodStats stats, long start)
    {
        try
        {
            var result = await invocation;
            stats.Stop(start, false);
            return result;
        }
        catch
        {
            stats.Stop(start, true);
            throw;
        }
    }
}
