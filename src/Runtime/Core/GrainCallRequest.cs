using System.Diagnostics;
using TradingBot.Runtime.Filters;

namespace TradingBot.Runtime.Core;

/// <summary>A grain method call waiting for (or running in) its target activation.</summary>
internal sealed class GrainCallRequest<T> : Message
{
    private readonly TaskCreationOptions _completionOptions;
    private TaskCompletionSource<T>? _completion;
    private Task<T>? _synchronousResult;

    public GrainCallRequest(MethodBinding<T> method, object?[] arguments, GrainId target, Message? caller, MessagePriority priority, TaskCreationOptions completionOptions)
        : base(method.Flags, priority, caller)
    {
        _completionOptions = completionOptions;
        Method = method;
        Arguments = arguments;
        Target = target;
    }

    public MethodBinding<T> Method { get; }

    public object?[] Arguments { get; }

    public override GrainId Target { get; }

    public override string MethodName => Method.Name;

    /// <summary>
    /// The caller's task. In concurrent mode the completion source exists before dispatch; on the deterministic
    /// single thread it is created lazily so a synchronously completed call costs no extra task.
    /// </summary>
    public Task<T> Task => _synchronousResult ?? (_completion ??= NewCompletion()).Task;

    public void CreateCompletion() => _completion ??= NewCompletion();

    public override Task InvokeAsync(Activation activation)
    {
        var grain = activation.Instance!;
        var stats = Method.Stats;
        var start = stats.Enabled ? Stopwatch.GetTimestamp() : 0;
        Task<T> invocation;
        try
        {
            invocation = activation.Runtime.HasIncomingFilters || activation.Class.IsIncomingFilter
                ? IncomingCallContext<T>.InvokeAsync(activation, this)
                : Method.Invoker(grain, Arguments);
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
            var end = Stopwatch.GetTimestamp();
            stats.Record(end - start, !invocation.IsCompletedSuccessfully, end);
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
            var end = Stopwatch.GetTimestamp();
            stats.Record(end - start, false, end);
            return result;
        }
        catch
        {
            var end = Stopwatch.GetTimestamp();
            stats.Record(end - start, true, end);
            throw;
        }
    }
}
