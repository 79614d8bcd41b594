using TradingBot.Runtime.Core;

namespace TradingBot.Runtime.Timers;

/// <summary>
/// A grain timer: each tick is a message in the activation's mailbox, so it never runs beside a non-interleaving
/// turn; the next tick is armed only after the callback completes, so ticks never overlap and the period drifts.
/// </summary>
internal sealed class GrainTimer : IGrainTimer
{
    private readonly Activation _activation;
    private readonly Func<object?, CancellationToken, Task> _callback;
    private readonly object? _state;
    private readonly CancellationTokenSource _cts = new();
    private readonly ITimer _timer;
    private readonly Lock _lock = new();
    private readonly MessageFlags _flags;
    private TimeSpan _dueTime;
    private TimeSpan _period;
    private bool _busy;
    private bool _changedWhileBusy;
    private bool _disposed;

    public GrainTimer(Activation activation, Func<object?, CancellationToken, Task> callback, object? state, GrainTimerCreationOptions options)
    {
        _activation = activation;
        _callback = callback;
        _state = state;
        _dueTime = options.DueTime;
        _period = options.Period;
        _flags = MessageFlags.BypassCapacity
            | (options.Interleave ? MessageFlags.AlwaysInterleave : MessageFlags.None)
            | (options.KeepAlive ? MessageFlags.Activity : MessageFlags.None);
        _timer = activation.Runtime.Clock.CreateTimer(static s => ((GrainTimer)s!).OnDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public long Ticks { get; private set; }

    public void Start() => Arm(_dueTime);

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _dueTime = dueTime;
            _period = period;
            if (_busy)
            {
                _changedWhileBusy = true;
                return;
            }
        }

        Arm(dueTime);
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _timer.Dispose();
        _cts.Cancel();
        _activation.RemoveTimer(this);
    }

    private void Arm(TimeSpan due)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }
        }

        _timer.Change(due, Timeout.InfiniteTimeSpan);
    }

    private void OnDue()
    {
        lock (_lock)
        {
            if (_disposed || _busy)
            {
                return;
            }

            _busy = true;
        }

        var tick = new TimerTick(this, _activation.GrainId, _flags) { EnqueuedAt = _activation.Runtime.Clock.GetTimestamp() };
        if (_activation.Receive(tick) != ReceiveResult.Accepted)
        {
            Dispose();
        }
    }

    private async Task RunAsync()
    {
        try
        {
            Ticks++;
            await _callback(_state, _cts.Token);
        }
        catch (Exception ex) when (!_cts.IsCancellationRequested)
        {
            _activation.Runtime.Log.TimerCallbackFailed(ex, _activation.GrainId);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void OnTickCompleted()
    {
        TimeSpan next;
        lock (_lock)
        {
            _busy = false;
            if (_disposed)
            {
                return;
            }

            var changed = _changedWhileBusy;
            _changedWhileBusy = false;

            // Like System.Threading.Timer, a zero or negative period means "no further ticks".
            next = changed ? _dueTime : _period > TimeSpan.Zero ? _period : Timeout.InfiniteTimeSpan;
        }

        if (next != Timeout.InfiniteTimeSpan)
        {
            Arm(next);
        }
    }

    private sealed class TimerTick(GrainTimer timer, GrainId target, MessageFlags flags) : Message(flags, MessagePriority.Normal, caller: null)
    {
        public override GrainId Target { get; } = target;

        public override string MethodName => "[timer]";

        public override Task InvokeAsync(Activation activation) => timer.RunAsync();

        public override void Complete(Task invocation) => timer.OnTickCompleted();

        public override void Fail(Exception exception) => timer.OnTickCompleted();
    }
}
