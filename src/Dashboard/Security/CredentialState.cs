namespace TradingBot.Dashboard.Security;

/// <summary>Where the dashboard password hash came from, which decides whether logins are possible.</summary>
public enum CredentialState
{
    /// <summary>A well-formed hash is configured.</summary>
    Configured,

    /// <summary>Paper mode without a hash: a one-time password was generated and printed at start.</summary>
    OneTimePassword,

    /// <summary>No hash configured: logins are refused.</summary>
    Missing,

    /// <summary>A hash is configured but is not one <c>trading-bot hash-password</c> produced: logins are refused.</summary>
    Malformed,
}
