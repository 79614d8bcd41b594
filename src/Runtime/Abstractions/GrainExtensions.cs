using System.Globalization;
using TradingBot.Runtime.Core;
using TradingBot.Runtime.Streams;

namespace TradingBot.Runtime;

/// <summary>Orleans-style extension methods on grains and grain references.</summary>
public static class GrainExtensions
{
    /// <summary>Identity of a grain instance or grain reference.</summary>
    public static GrainId GetGrainId(this IAddressable grain)
    {
        ArgumentNullException.ThrowIfNull(grain);
        return grain switch
        {
            Grain g => g.Activation.GrainId,
            GrainProxy p => p.GrainId,
            _ => throw new ArgumentException($"{grain.GetType().Name} is neither a grain nor a grain reference.", nameof(grain)),
        };
    }

    /// <summary>String key of a grain instance or reference.</summary>
    public static string GetPrimaryKeyString(this IAddressable grain) => grain.GetGrainId().Key;

    /// <summary>Guid key of a grain keyed by Guid.</summary>
    public static Guid GetPrimaryKey(this IAddressable grain) => Guid.ParseExact(grain.GetGrainId().Key, "N");

    /// <summary>Integer key of a grain keyed by long.</summary>
    public static long GetPrimaryKeyLong(this IAddressable grain) => long.Parse(grain.GetGrainId().Key, CultureInfo.InvariantCulture);

    /// <summary>Registers a timer whose ticks run as turns of this activation.</summary>
    public static IGrainTimer RegisterGrainTimer(this Grain grain, Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(grain);
        ArgumentNullException.ThrowIfNull(callback);
        return grain.Activation.RegisterTimer(static (s, ct) => ((Func<CancellationToken, Task>)s!)(ct), callback, options);
    }

    /// <summary>Registers a timer with a state argument.</summary>
    public static IGrainTimer RegisterGrainTimer<TState>(this Grain grain, Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(grain);
        ArgumentNullException.ThrowIfNull(callback);
        return grain.Activation.RegisterTimer((_, ct) => callback(state, ct), null, options);
    }

    /// <summary>Registers a non-interleaving timer.</summary>
    public static IGrainTimer RegisterGrainTimer(this Grain grain, Func<Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return grain.RegisterGrainTimer(_ => callback(), new GrainTimerCreationOptions(dueTime, period));
    }

    /// <summary>A stream provider registered by name.</summary>
    public static IStreamProvider GetStreamProvider(this Grain grain, string name)
    {
        ArgumentNullException.ThrowIfNull(grain);
        return grain.Activation.Runtime.GetStreamProvider(name);
    }
}
