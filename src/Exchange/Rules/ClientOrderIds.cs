using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace TradingBot.Exchange.Rules;

/// <summary>
/// Deterministic client order / algo ids matching Binance's rule ^[\.A-Z\:/a-z0-9_-]{1,36}$.
/// Same inputs → same id, so a restarted grain regenerates the id of an order it may already have sent.
/// </summary>
public static partial class ClientOrderIds
{
    /// <summary>Maximum length Binance accepts.</summary>
    public const int MaxLength = 36;

    /// <summary>True when Binance would accept <paramref name="id"/>.</summary>
    public static bool IsValid(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>
    /// Builds "<paramref name="prefix"/>-<paramref name="purpose"/>-<paramref name="scope"/>-<paramref name="sequence"/>"
    /// (illegal characters become '_'); when longer than 36 characters the tail is replaced by a stable hash.
    /// </summary>
    /// <param name="prefix">Short bot prefix, e.g. "tb".</param>
    /// <param name="purpose">e.g. "entry", "sl", "tp", "exit".</param>
    /// <param name="scope">What makes it unique, e.g. a setup id or symbol + candle time.</param>
    /// <param name="sequence">Attempt number within the scope (a retry after "not placed" uses the next number).</param>
    public static string Create(string prefix, string purpose, string scope, int sequence)
    {
        var raw = string.Join('-', Clean(prefix), Clean(purpose), Clean(scope), sequence.ToString(CultureInfo.InvariantCulture));
        if (raw.Length <= MaxLength)
        {
            return raw;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)))[..12];
        var head = raw[..(MaxLength - hash.Length - 1)];
        return head + "-" + hash;
    }

    private static string Clean(string part)
    {
        var sb = new StringBuilder(part.Length);
        foreach (var ch in part)
        {
            sb.Append(ch is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or ':' or '/' or '_' or '-' ? ch : '_');
        }

        return sb.Length == 0 ? "_" : sb.ToString();
    }

    [GeneratedRegex(@"^[\.A-Z\:/a-z0-9_-]{1,36}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
