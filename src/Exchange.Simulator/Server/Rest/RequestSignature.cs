using System.Security.Cryptography;
using System.Text;

namespace TradingBot.Exchange.Simulator.Server.Rest;

/// <summary>Binance HMAC-SHA256 request signatures: hex(HMAC(secret, rawQuery + rawBody)) with the signature parameter removed.</summary>
public static class RequestSignature
{
    /// <summary>Lower-case hex signature of a payload.</summary>
    public static string Sign(string secret, string payload) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(payload)));

    /// <summary>Compares case-insensitively in constant time.</summary>
    public static bool Verify(string secret, string payload, string signature)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(secret, payload));
        var actual = Encoding.ASCII.GetBytes(signature.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    /// <summary>
    /// Removes <c>signature=…</c> from a raw parameter string (wherever it sits, with its separating '&amp;') and returns the
    /// signature value, or null when absent.
    /// </summary>
    public static string? Extract(string raw, out string withoutSignature)
    {
        withoutSignature = raw;
        var parts = raw.Split('&');
        var index = Array.FindIndex(parts, p => p.StartsWith("signature=", StringComparison.Ordinal));
        if (index < 0)
        {
            return null;
        }

        var value = parts[index]["signature=".Length..];
        withoutSignature = string.Join('&', parts.Where((_, i) => i != index));
        return value;
    }
}
