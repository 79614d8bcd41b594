namespace TradingBot.Runtime.Time;

/// <summary>
/// A clock that only moves when told to. Timers fire synchronously on the thread that advances time, each at its
/// own due time, in due-time order (ties in creation order).
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly PriorityQueue<ManualTimer, (long Due, long Sequence)> _queue = new();
    private DateTimeOffset _now;
    private long _nowTicks;
    private long _sequence;

    public ManualTimeProvider()
        : this(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public ManualTimeProvider(DateTimeOffset start)
    {
        _now = start.ToUniversalTime();
        _nowTicks = _now.UtcTicks;
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Timers currently armed.</summary>
    public int ActiveTimers
    {
        get
        {
            lock (_lock)
            {
                return _queue.UnorderedItems.Count(i => i.Element.IsArmedAt(i.Priority.Sequence));
            }
        }
    }

    // Lock-free: grains read the clock several times per simulated minute; the ticks are written with every change.
    public override DateTimeOffset GetUtcNow() => new(Volatile.Read(ref _nowTicks), TimeSpan.Zero);

    public override long GetTimestamp() => Volatile.Read(ref _nowTicks);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves time forward, firing every timer that falls due on the way.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        var target = GetUtcNow() + delta;
        while (FireNext(target))
        {
        }

        SetUtcNow(target);
    }

    /// <summary>Sets the time (never backwards) without firing timers that fall due; use <see cref="Advance"/> for that.</summary>
    public void SetUtcNow(DateTimeOffset value)
    {
        lock (_lock)
        {
            if (value < _now)
            {
                throw new ArgumentOutOfRangeException(nameof(value), "Time cannot move backwards.");
            }

            _now = value.ToUniversalTime();
            Volatile.Write(ref _nowTicks, value.UtcTicks);
        }
    }

    /// <summary>Fires the earliest timer due at or before <paramref name="limit"/>, moving time to its due time.</summary>
    public bool FireNext(DateTimeOffset limit)
    {
        ManualTimer timer;
        lock (_lock)
        {
            while (true)
            {
                if (!_queue.TryPeek(out timer!, out var priority))
                {
                    return false;
                }

                if (!timer.IsArmedAt(priority.Sequence))
                {
                    _queue.Dequeue();
                    continue;
                }

                if (priority.Due > limit.UtcTicks)
                {
                    return false;
                }

                _queue.Dequeue();
                if (priority.Due > _now.UtcTicks)
                {
                    _now = new DateTimeOffset(priority.Due, TimeSpan.Zero);
                    Volatile.Write(ref _nowTicks, priority.Due);
                }

                timer.OnFiring(this);
                break;
            }
        }

        timer.Invoke();
        return true;
    }

    private void Schedule(ManualTimer timer, TimeSpan due)
    {
        // Called under _lock.
        var sequence = ++_sequence;
        timer.ArmedSequence = sequence;
        var dueTicks = _now.UtcTicks + Math.Max(0, due.Ticks);
        _queue.Enqueue(timer, (dueTicks, sequence));
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public long ArmedSequence { get; set; }

        public bool IsArmedAt(long sequence) => ArmedSequence == sequence;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._lock)
            {
                ArmedSequence = 0;
                _period = period;
                if (dueTime != Timeout.InfiniteTimeSpan)
                {
                    owner.Schedule(this, dueTime);
                }
            }

            return true;
        }

        public void OnFiring(ManualTimeProvider provider)
        {
            ArmedSequence = 0;
            if (_period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero)
            {
                provider.Schedule(this, _period);
            }
        }

        public void Invoke() => callback(state);

        public void Dispose()
        {
            lock (owner._lock)
            {
                ArmedSequence = 0;
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
