using System.Globalization;

namespace TradingBot.Runtime.Streams;

/// <summary>Identity of a stream within a provider: a namespace plus a key.</summary>
public readonly record struct StreamId
{
    private StreamId(string streamNamespace, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamNamespace);
        ArgumentNullException.ThrowIfNull(key);
        Namespace = streamNamespace;
        Key = key;
    }

    public string Namespace { get; }

    public string Key { get; }

    public static StreamId Create(string streamNamespace, string key) => new(streamNamespace, key);

    public static StreamId Create(string streamNamespace, Guid key) => new(streamNamespace, key.ToString("N"));

    public static StreamId Create(string streamNamespace, long key) => new(streamNamespace, key.ToString(CultureInfo.InvariantCulture));

    public string GetNamespace() => Namespace;

    public string GetKeyAsString() => Key;

    public override string ToString() => $"{Namespace}/{Key}";
}
