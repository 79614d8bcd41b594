using System.Collections.Concurrent;
using TradingBot.Exchange.Model.Events;

namespace TradingBot.Grains.Gateway;

/// <summary>What the health endpoint and the dashboard report about the exchange streams.</summary>
public sealed class StreamHealth
{
    private readonly ConcurrentDictionary<string, StreamStateChanged> _states = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastClosed = new(StringComparer.Ordinal);

    public void Record(StreamStateChanged change)
    {
        ArgumentNullException.ThrowIfNull(change);
        _states[change.Kind.ToString().ToLowerInvariant()] = change;
    }

    public void RecordClosed(string symbol, string interval, DateTimeOffset openTime) => _lastClosed[$"{symbol} {interval}"] = openTime;

    /// <summary>Stream name → state ("connected", "reconnecting", ...).</summary>
    public IReadOnlyDictionary<string, string> States =>
        _states.ToDictionary(kv => kv.Key, kv => kv.Value.State.ToString().ToLowerInvariant(), StringComparer.Ordinal);

    /// <summary>"SYMBOL interval" → open time of the last closed candle.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> LastClosed =>
        new SortedDictionary<string, DateTimeOffset>(_lastClosed, StringComparer.Ordinal);

    public DateTimeOffset? LastChange(string stream) => _states.TryGetValue(stream, out var s) ? s.At : null;
}
