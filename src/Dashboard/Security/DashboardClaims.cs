using System.Security.Claims;

namespace TradingBot.Dashboard.Security;

/// <summary>Claims of a dashboard session: the operator name and a random session id for the audit log.</summary>
internal static class DashboardClaims
{
    public const string Scheme = "TradingBot.Dashboard";
    public const string SessionId = "tb:session";

    public static ClaimsPrincipal NewSession()
    {
        var session = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6));
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, DashboardOperator.Name), new Claim(ClaimTypes.NameIdentifier, DashboardOperator.Name), new Claim(SessionId, session)],
            Scheme);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>"operator#1a2b3c4d5e6f" for a session, "anonymous" otherwise.</summary>
    public static string Actor(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? $"{user.Identity.Name}#{user.FindFirstValue(SessionId)}" : "anonymous";
}
