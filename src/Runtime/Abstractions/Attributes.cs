namespace TradingBot.Runtime;

/// <summary>Pins the durable grain type name. Without it the name is the class name, minus a "Grain" suffix, lower-cased.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string grainType) : Attribute
{
    public string GrainType { get; } = grainType;
}

/// <summary>Requests of this grain class may interleave at every await (turns still run one at a time).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ReentrantAttribute : Attribute
{
}

/// <summary>This interface method may interleave with any other request.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlwaysInterleaveAttribute : Attribute
{
}

/// <summary>This interface method does not change state; it interleaves with other ReadOnly requests only.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadOnlyAttribute : Attribute
{
}

/// <summary>The grain class is never collected for idleness.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class KeepAliveAttribute : Attribute
{
}

/// <summary>Per-class idle collection age (overrides <c>GrainRuntimeOptions.CollectionAge</c>).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CollectionAgeLimitAttribute : Attribute
{
    public CollectionAgeLimitAttribute()
    {
    }

    public CollectionAgeLimitAttribute(string age) => Amount = TimeSpan.Parse(age, System.Globalization.CultureInfo.InvariantCulture);

    public double Days { get; init; }

    public double Hours { get; init; }

    public double Minutes { get; init; }

    /// <summary>Explicit amount; wins over Days/Hours/Minutes when set.</summary>
    public TimeSpan Amount { get; init; }

    internal TimeSpan Resolve() =>
        Amount > TimeSpan.Zero ? Amount : TimeSpan.FromDays(Days) + TimeSpan.FromHours(Hours) + TimeSpan.FromMinutes(Minutes);
}

/// <summary>Per-method response timeout (overrides <c>GrainRuntimeOptions.ResponseTimeout</c>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ResponseTimeoutAttribute(double seconds) : Attribute
{
    public TimeSpan Timeout { get; } = TimeSpan.FromSeconds(seconds);
}

/// <summary>Mailbox lane of an interface method, or of a message type delivered over a stream.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface)]
public sealed class PriorityAttribute(MessagePriority priority) : Attribute
{
    public MessagePriority Priority { get; } = priority;
}

/// <summary>Excludes a grain class or interface method from per-method profiling (the tick-ingest hot path).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class NoProfilingAttribute : Attribute
{
}

/// <summary>Marks a constructor parameter of type <see cref="IPersistentState{TState}"/> for injection.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    /// <summary>Record name; make it unique per grain type (it is the OrleansStorage GrainTypeString).</summary>
    public string StateName { get; } = stateName;

    /// <summary>Registered storage provider name; null means "Default".</summary>
    public string? StorageName { get; } = storageName;
}

/// <summary>Orleans' marker for values that are never copied. Our runtime never copies; kept so code ports unchanged.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Parameter | AttributeTargets.ReturnValue)]
public sealed class ImmutableAttribute : Attribute
{
}
