using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TradingBot.Dashboard.Security;

namespace TradingBot.Dashboard.Audit;

/// <summary>Writes audit rows for the current request's session and address.</summary>
internal sealed class AuditRecorder(AuditLog log, ILogger<AuditRecorder> logger)
{
    public void Record(HttpContext context, string action, string detail, string outcome)
    {
        var actor = DashboardClaims.Actor(context.User);
        var client = ClientAddress.Of(context);
        log.Write(actor, client, action, detail, outcome);
        logger.LogInformation("Dashboard audit: {Actor} from {Client}: {Action} {Detail} -> {Outcome}", actor, client, action, detail, outcome);
    }
}
