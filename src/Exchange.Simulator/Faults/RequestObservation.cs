namespace TradingBot.Exchange.Simulator.Faults;

/// <summary>
/// One REST request as the simulator handled it, for harnesses that react to the order lifecycle
/// (e.g. kill the client the moment an entry order has been executed, before its reply is written).
/// </summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Request path, e.g. /fapi/v1/order.</param>
/// <param name="Parameters">Query and body parameters (the signature included; never the secret).</param>
/// <param name="Executed">True when the request reached the engine and succeeded there.</param>
/// <param name="Status">HTTP status written (0 when the connection was aborted without a reply).</param>
public sealed record RequestObservation(string Method, string Path, IReadOnlyDictionary<string, string> Parameters, bool Executed, int Status)
{
    /// <summary>True for order-placing requests (regular and conditional orders).</summary>
    public bool IsOrderPlacement => Method == "POST" && Path is "/fapi/v1/order" or "/fapi/v1/algoOrder" or "/fapi/v1/batchOrders";

    /// <summary>A parameter or null.</summary>
    public string? Parameter(string name) => Parameters.TryGetValue(name, out var value) ? value : null;
}
