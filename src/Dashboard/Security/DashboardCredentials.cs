using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace TradingBot.Dashboard.Security;

/// <summary>
/// Holds the password hash for the process lifetime. In paper mode without a configured hash it makes
/// a random one-time password (announced once) so a fresh checkout can be tried without setup; in
/// testnet/mainnet a missing hash means no logins at all.
/// </summary>
internal sealed class DashboardCredentials
{
    private readonly string? _hash;

    public DashboardCredentials(DashboardOptions options, IOneTimePasswordAnnouncer announcer, ILogger<DashboardCredentials> logger)
    {
        var configured = options.PasswordHash?.Trim();
        if (!string.IsNullOrEmpty(configured))
        {
            if (PasswordHashing.IsWellFormed(configured))
            {
                _hash = configured;
                State = CredentialState.Configured;
            }
            else
            {
                State = CredentialState.Malformed;
                logger.LogError("Dashboard password hash is malformed; logins are refused. Run trading-bot hash-password.");
            }

            return;
        }

        if (options.IsPaperMode && options.GeneratePaperModePassword)
        {
            var password = GeneratePassword();
            _hash = PasswordHashing.Hash(password);
            State = CredentialState.OneTimePassword;
            announcer.Announce(password);
            logger.LogWarning("Dashboard: no password hash configured; a one-time password was printed to standard output (paper mode).");
            return;
        }

        State = CredentialState.Missing;
        logger.LogError("Dashboard: no password hash configured; logins are refused. Run trading-bot hash-password.");
    }

    public CredentialState State { get; }

    public bool CanLogIn => _hash is not null;

    public bool Verify(string password) => _hash is not null && PasswordHashing.Verify(_hash, password);

    private static string GeneratePassword()
    {
        // 20 characters from an unambiguous alphabet: about 100 bits.
        const string Alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(Alphabet, 20);
    }
}
