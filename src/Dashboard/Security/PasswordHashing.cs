using Microsoft.AspNetCore.Identity;

namespace TradingBot.Dashboard.Security;

/// <summary>
/// The dashboard password hash format (ASP.NET Core Identity v3: PBKDF2-HMAC-SHA512, salted).
/// <c>trading-bot hash-password</c> calls <see cref="Hash"/>; the result goes into
/// <c>Dashboard:PasswordHash</c> or <c>DASHBOARD_PASSWORD_HASH</c>.
/// </summary>
public static class PasswordHashing
{
    private static readonly PasswordHasher<DashboardOperator> s_hasher = new();

    /// <summary>Hashes a password; each call uses a new salt.</summary>
    public static string Hash(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        return s_hasher.HashPassword(DashboardOperator.Instance, password);
    }

    /// <summary>True when <paramref name="password"/> matches <paramref name="hash"/>; false for a malformed hash.</summary>
    public static bool Verify(string hash, string password)
    {
        if (string.IsNullOrEmpty(hash) || password is null || !IsWellFormed(hash))
        {
            return false;
        }

        return s_hasher.VerifyHashedPassword(DashboardOperator.Instance, hash, password) != PasswordVerificationResult.Failed;
    }

    /// <summary>True when <paramref name="hash"/> looks like a v3 hash (base64, version byte 1, enough bytes).</summary>
    public static bool IsWellFormed(string? hash)
    {
        if (string.IsNullOrWhiteSpace(hash))
        {
            return false;
        }

        var bytes = new byte[hash.Length];
        return Convert.TryFromBase64String(hash.Trim(), bytes, out var written) && written >= 13 + 16 + 32 && bytes[0] == 0x01;
    }
}
