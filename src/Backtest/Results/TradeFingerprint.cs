using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TradingBot.Backtest.Results;

/// <summary>SHA-256 over a canonical text of the trade list: the same trades give the same fingerprint on any machine.</summary>
public static class TradeFingerprint
{
    public static string Compute(IEnumerable<TradeRecord> trades)
    {
        ArgumentNullException.ThrowIfNull(trades);
        var text = new StringBuilder();
        foreach (var t in trades)
        {
            text.Append(CultureInfo.InvariantCulture, $"{t.Strategy}|{t.Symbol}|{t.Direction}|{t.OpenedAt.ToUnixTimeMilliseconds()}|{t.ClosedAt.ToUnixTimeMilliseconds()}|")
                .Append(CultureInfo.InvariantCulture, $"{Norm(t.EntryPrice)}|{Norm(t.ExitPrice)}|{Norm(t.Quantity)}|{Norm(t.Fees)}|{Norm(t.Funding)}|{Norm(t.NetPnl)}|{t.Reason}\n");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string Norm(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
