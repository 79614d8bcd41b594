namespace TradingBot.Operations.Tests.Support;

/// <summary>
/// A clock that moves only when the test says so. Timers (Task.Delay, CancellationTokenSource timeouts) fire
/// inside <see cref="Advance"/>; <see cref="WaitForTimerAsync"/> lets a test wait until code under test is waiting.
/// </summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private readonly object _lock = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now;
    private int _created;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ManualTimeProvider(DateTimeOffset start) => _now = start;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>How many timers were ever created (lets a test wait for code under test to start a new wait).</summary>
    public int TimersCreated
    {
        get
        {
            lock (_lock)
            {
                return _created;
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            _created++;
        }

        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock and fires every timer that falls due, earliest first.</summary>
    public void Advance(TimeSpan by)
    {
        DateTimeOffset target;
        lock (_lock)
        {
            target = _now + by;
        }

        while (true)
        {
            ManualTimer? due;
            lock (_lock)
            {
                due = _timers.Where(t => t.DueUtc <= target).MinBy(t => t.DueUtc);
                if (due is null)
                {
                    _now = target;
                    break;
                }

                _now = due.DueUtc > _now ? due.DueUtc : _now;
                _timers.Remove(due);
                if (due.Period > TimeSpan.Zero)
                {
                    due.DueUtc = _now + due.Period;
                    _timers.Add(due);
                }
            }

            due.Fire();
        }

        SignalChanged();
    }

    /// <summary>
    /// Waits (real time, bounded) until a timer due within <paramref name="horizon"/> exists, then returns how far away it is.
    /// Timers further out (e.g. HTTP request timeouts) are ignored so advancing never fires them by accident.
    /// </summary>
    public async Task<TimeSpan> WaitForTimerAsync(TimeSpan horizon, TimeSpan realTimeout)
    {
        using var guard = new CancellationTokenSource(realTimeout);
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                var next = _timers.Where(t => t.DueUtc - _now <= horizon).MinBy(t => t.DueUtc);
                if (next is not null)
                {
                    return next.DueUtc - _now;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(guard.Token);
        }
    }

    /// <summary>Waits (real time, bounded) until more than <paramref name="seen"/> timers have been created.</summary>
    public async Task WaitForTimersCreatedAsync(int seen, TimeSpan realTimeout)
    {
        using var guard = new CancellationTokenSource(realTimeout);
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (_created > seen)
                {
                    return;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(guard.Token);
        }
    }

    private void SignalChanged()
    {
        TaskCompletionSource previous;
        lock (_lock)
        {
            previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }

    private void Schedule(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                timer.DueUtc = _now + dueTime;
                timer.Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
                _timers.Add(timer);
            }
        }

        SignalChanged();
    }

    private void Remove(ManualTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }

        SignalChanged();
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset DueUtc { get; set; }

        public TimeSpan Period { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.Schedule(this, dueTime, period);
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
