using System.Text.Json.Nodes;

namespace TradingBot.Exchange.Simulator.Server.Rest;

/// <summary>Binance endpoint security types.</summary>
internal enum Security
{
    None,
    UserStream,
    Signed,
}

/// <summary>One REST route: how it is authenticated, what it costs and what it does.</summary>
internal sealed record Endpoint(
    string Method,
    string Path,
    Security Security,
    Func<ApiRequest, int> Weight,
    bool CountsAsOrder,
    Func<ApiRequest, JsonNode> Handler);
