using System.Globalization;

namespace TradingBot.Grains.Positions;

/// <summary>
/// Client ids of a position's protective and closing orders, derived from its entry id
/// (tb-A-BTCUSDT-L-1715000400-e → …-s / …-t / …-x), with a generation suffix when re-placed.
/// </summary>
internal static class ProtectiveIds
{
    public static string Stop(string positionId, int generation) => Derive(positionId, "s", generation);

    public static string TakeProfit(string positionId, int generation) => Derive(positionId, "t", generation);

    public static string Close(string positionId, Contracts.Trading.ExitReason reason) => Derive(positionId, reason switch
    {
        Contracts.Trading.ExitReason.EmergencyStop => "x",
        Contracts.Trading.ExitReason.DailyLossLimit => "d",
        _ => "c",
    }, 0);

    private static string Derive(string positionId, string suffix, int generation)
    {
        var stem = positionId.EndsWith("-e", StringComparison.Ordinal) ? positionId[..^2] : positionId;
        var id = $"{stem}-{suffix}";
        if (generation > 0)
        {
            id += generation.ToString(CultureInfo.InvariantCulture);
        }

        return id.Length <= 36 ? id : id[^36..];
    }
}
