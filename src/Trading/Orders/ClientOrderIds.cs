using System.Globalization;
using TradingBot.Contracts.Trading;

namespace TradingBot.Trading.Orders;

/// <summary>
/// Deterministic client order ids: the same signal always maps to the same ids, so a restarted
/// silo finds its own orders and never places one twice. Binance allows [.A-Z:/a-z0-9_-]{1,36}.
/// </summary>
public static class ClientOrderIds
{
    public const string Prefix = "tb";

    /// <summary>e.g. "tb-A-BTCUSDT-L-1715000400-e" (entry), "-s" stop, "-t" take-profit, "-c" close.</summary>
    public static string For(TradeSignal signal, OrderPurpose purpose, int generation = 0)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var side = signal.Direction == Contracts.Market.Direction.Bullish ? "L" : "S";
        var seconds = signal.At.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var suffix = purpose switch
        {
            OrderPurpose.Entry => "e",
            OrderPurpose.StopLoss => "s",
            OrderPurpose.TakeProfit => "t",
            _ => "c",
        };
        var id = $"{Prefix}-{signal.Strategy}-{signal.Symbol}-{side}-{seconds}-{suffix}";
        if (generation > 0)
        {
            id += generation.ToString(CultureInfo.InvariantCulture);
        }

        return id.Length <= 36 ? id : id[..36];
    }

    /// <summary>True for ids this bot created (used to adopt or cancel orphans at start-up).</summary>
    public static bool IsOurs(string clientOrderId) => clientOrderId.StartsWith(Prefix + "-", StringComparison.Ordinal);
}
