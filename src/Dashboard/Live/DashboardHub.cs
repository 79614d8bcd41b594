using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace TradingBot.Dashboard.Live;

/// <summary>
/// Server-to-page push channel at <c>/hubs/dashboard</c>. It has no client-callable methods on purpose:
/// every state change goes through the audited, antiforgery-checked HTTP control endpoints.
/// Client events: "positions", "account", "status", "changed" (topic name).
/// </summary>
[Authorize]
internal sealed class DashboardHub : Hub
{
    public const string Path = "/hubs/dashboard";
}
