namespace TradingBot.Runtime;

/// <summary>Options for <c>this.RegisterGrainTimer(callback, options)</c>.</summary>
public readonly record struct GrainTimerCreationOptions
{
    public GrainTimerCreationOptions(TimeSpan dueTime, TimeSpan period)
    {
        DueTime = dueTime;
        Period = period;
    }

    /// <summary>Delay before the first tick.</summary>
    public TimeSpan DueTime { get; init; }

    /// <summary>Delay between the end of one tick and the next tick; <see cref="Timeout.InfiniteTimeSpan"/> or zero for one-shot.</summary>
    public TimeSpan Period { get; init; }

    /// <summary>Ticks may interleave with running requests.</summary>
    public bool Interleave { get; init; }

    /// <summary>Ticks count as activity for idle collection.</summary>
    public bool KeepAlive { get; init; }
}

/// <summary>A grain timer. It belongs to one activation and dies with it.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Re-arms the timer. The period is measured after each tick completes.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
