using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

/// <summary>
/// Sampled allocation profile (the runtime's GC AllocationTick event, one sample per ~100 KB allocated), so the
/// benchmark can say which types the run allocates without an external tracer. Enabled with --alloc.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private bool _enabled;

    public void Start() => _enabled = true;

    public IEnumerable<(string Type, long Bytes)> Top(int count) =>
        _bytes.OrderByDescending(p => p.Value).Take(count).Select(p => (Describe(p.Key), p.Value));

    // Compiler-generated closures are reported by their short name: name the classes that declare one so named.
    private static string Describe(string type)
    {
        if (!type.StartsWith("<>", StringComparison.Ordinal) && !type.Contains("Iterator", StringComparison.Ordinal))
        {
            return type;
        }

        var name = type.Split('`', '[')[0];
        var owners = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name?.StartsWith("TradingBot", StringComparison.Ordinal) == true)
            .SelectMany(a => { try { return a.GetTypes(); } catch (System.Reflection.ReflectionTypeLoadException e) { return e.Types.OfType<Type>().ToArray(); } })
            .Where(t => t.IsNested && t.Name.Split('`')[0] == name)
            .Select(t => t.DeclaringType!.FullName)
            .Distinct()
            .Take(4);
        return $"{type} (in {string.Join(", ", owners)})";
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_enabled || eventData.EventName is null || !eventData.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.Payload is null)
        {
            return;
        }

        var type = eventData.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? eventData.Payload[t] as string ?? "?" : "?";
        var amount = eventData.PayloadNames!.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(eventData.Payload[a], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        _bytes.AddOrUpdate(type, amount, (_, v) => v + amount);
    }
}
