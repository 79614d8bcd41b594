using System.Security.Cryptography;
using System.Text;

namespace TradingBot.Exchange.Binance.Signing;

/// <summary>
/// HMAC-SHA256 request signing. totalParams = the exact query-string bytes concatenated with the exact body bytes,
/// with NO separator (Binance docs, example 3); the result is lower-case hex.
/// </summary>
public static class BinanceSigner
{
    /// <summary>Signs an already-built payload.</summary>
    public static string Sign(string secret, string payload)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(payload);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(payload));
        return Convert.ToHexStringLower(mac);
    }

    /// <summary>Signs query string + body (either may be empty), concatenated without separator.</summary>
    public static string Sign(string secret, string queryString, string requestBody) =>
        Sign(secret, string.Concat(queryString, requestBody));

    /// <summary>Constant-time check of a received signature (hex, case-insensitive).</summary>
    public static bool Verify(string secret, string queryString, string requestBody, string signature)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(secret, queryString, requestBody));
        var actual = Encoding.ASCII.GetBytes(signature.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
