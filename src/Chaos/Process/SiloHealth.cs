using System.Globalization;
using System.Text.Json;

namespace TradingBot.Chaos.Process;

/// <summary>The facts of <c>/api/health</c> the orchestrator uses (details.exchange).</summary>
internal sealed record SiloHealth(
    bool Reconciled,
    bool EntriesAllowed,
    int OpenPositions,
    IReadOnlyDictionary<string, string> Streams,
    IReadOnlyDictionary<string, DateTimeOffset> LastClosedCandles)
{
    public static SiloHealth Parse(JsonElement root)
    {
        var exchange = root.GetProperty("details").GetProperty("exchange");
        var trading = exchange.GetProperty("trading");
        var streams = new Dictionary<string, string>(StringComparer.Ordinal);
        if (exchange.TryGetProperty("streams", out var s) && s.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in s.EnumerateObject())
            {
                streams[p.Name] = p.Value.GetString() ?? "";
            }
        }

        var closed = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        if (exchange.TryGetProperty("lastClosedCandles", out var c) && c.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in c.EnumerateObject())
            {
                closed[p.Name] = DateTimeOffset.Parse(p.Value.GetString()!, CultureInfo.InvariantCulture);
            }
        }

        return new SiloHealth(
            trading.GetProperty("reconciled").GetBoolean(),
            trading.GetProperty("entriesAllowed").GetBoolean(),
            trading.GetProperty("openPositions").GetInt32(),
            streams,
            closed);
    }

    /// <summary>Open time of the last closed 1m candle the silo received for <paramref name="symbol"/>.</summary>
    public DateTimeOffset? LastClosed(string symbol) => LastClosedCandles.TryGetValue(symbol + " 1m", out var t) ? t : null;
}
