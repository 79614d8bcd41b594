using System.Text.Json.Nodes;

namespace TradingBot.Exchange.Simulator.Venue;

/// <summary>Where the venue pushes stream messages (the WebSocket hub; a no-op in headless use).</summary>
public interface IStreamSink
{
    /// <summary>True when at least one connection on <paramref name="path"/> listens to <paramref name="stream"/>.</summary>
    bool HasSubscribers(string path, string stream);

    /// <summary>Delivers <paramref name="data"/> to subscribers of <paramref name="stream"/> on <paramref name="path"/> ("market", "public", "private").</summary>
    void Publish(string path, string stream, JsonObject data);
}

/// <summary>Sink that drops everything.</summary>
public sealed class NullStreamSink : IStreamSink
{
    public static NullStreamSink Instance { get; } = new();

    public bool HasSubscribers(string path, string stream) => false;

    public void Publish(string path, string stream, JsonObject data)
    {
    }
}
