using Microsoft.AspNetCore.Http;

namespace TradingBot.Dashboard.Security;

/// <summary>
/// The address a request came from, as Kestrel saw it. Behind a reverse proxy this is the proxy, unless
/// the host adds the forwarded-headers middleware (see docs/dashboard.md).
/// </summary>
internal static class ClientAddress
{
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
